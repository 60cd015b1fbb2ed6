/**
 * Φ(z), the standard normal distribution function, to double precision across the whole real line.
 *
 * W. J. Cody's rational Chebyshev approximations: "Rational Chebyshev approximations for the error
 * function", Mathematics of Computation 23 (1969) 631–637, in the form of function ANORM of
 * "Algorithm 715: SPECFUN", ACM Transactions on Mathematical Software 19 (1993) 22–32
 * (https://netlib.org/specfun/anorm), whose coefficients are used below. R's `pnorm` uses the same
 * approximations, so p-values agree with R's to the last few bits.
 *
 * Three ranges of |z|: near 0, Φ(z) − ½ as z times a rational function of z²; up to √32, the tail
 * Q(|z|) = 1 − Φ(|z|) as exp(−z²/2) times a rational function of |z|; beyond, as exp(−z²/2)/|z|
 * times a rational function of 1/z². The tail is computed directly, never as 1 − Φ, so Φ(−20)
 * ≈ 2.8e-89 keeps all its digits. (simple-statistics' `cumulativeStdNormalProbability` is a
 * two-decimal table and its `errorFunction` is good to about 1e-7: not enough for tail p-values.)
 */

const NEAR_ZERO = [2.235_252_035_460_683_928_7, 161.028_231_068_555_878_81, 1067.689_485_460_370_958_2, 18154.981_253_343_561_249, 0.065_682_337_918_207_449_113] as const;
const NEAR_ZERO_DENOMINATOR = [47.202_581_904_688_241_87, 976.098_551_737_776_693_22, 10260.932_208_618_978_205, 45507.789_335_026_729_956] as const;
const MIDDLE = [
  0.398_941_512_088_134_667_64, 8.883_149_794_388_375_941_2, 93.506_656_132_177_855_979, 597.270_276_394_800_262_26,
  2494.537_585_290_372_671_1, 6848.190_450_536_282_332_6, 11602.651_437_647_350_124, 9842.714_838_383_978_021_8,
  1.076_557_677_372_019_231_7e-8,
] as const;
const MIDDLE_DENOMINATOR = [
  22.266_688_044_328_115_691, 235.387_901_782_624_998_61, 1519.377_599_407_554_805, 6485.558_298_266_760_755,
  18615.571_640_885_098_091, 34900.952_721_145_977_266, 38912.003_286_093_271_411, 19685.429_676_859_990_727,
] as const;
const FAR = [0.215_898_534_057_956_99, 0.127_401_161_160_247_363_9, 0.022_235_277_870_649_807, 0.001_421_619_193_227_893_466, 2.911_287_495_116_879_2e-5, 0.023_073_441_764_940_173_03] as const;
const FAR_DENOMINATOR = [1.284_260_096_144_911_21, 0.468_238_212_480_865_118, 0.065_988_137_868_928_551_5, 0.003_782_396_332_027_582_44, 7.297_515_550_839_662_05e-5] as const;

const NEAR_ZERO_LIMIT = 0.66291;
const MIDDLE_LIMIT = Math.sqrt(32);
/** Beyond this Q(|z|) is below the smallest normal double (Φ(−38.5) ≈ 1e-324). */
const UNDERFLOW_LIMIT = 50;
const ONE_OVER_SQRT_2PI = 0.398_942_280_401_432_677_939_946_059_934;
const HALF_EPSILON = Number.EPSILON / 2;
/** The smallest normal double (C's DBL_MIN); below it a result has lost its precision. */
const SMALLEST_NORMAL = 2.225_073_858_507_201_4e-308;

/**
 * exp(−y²/2) times `ratio`, with y² split as ŷ² + (y − ŷ)(y + ŷ), ŷ = ⌊16y⌋/16, as Cody does: ŷ² is
 * exact, so the exponential loses no digits to the rounding of y² when y is large.
 */
function timesGaussian(y: number, ratio: number): number {
  const rounded = Math.floor(y * 16) / 16;
  const remainder = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-remainder * 0.5) * ratio;
}

/** Q(y) = 1 − Φ(y) for y > NEAR_ZERO_LIMIT, computed directly. */
function upperTail(y: number): number {
  if (y >= UNDERFLOW_LIMIT) return 0;
  if (y <= MIDDLE_LIMIT) {
    let numerator = MIDDLE[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + MIDDLE[i]!) * y;
      denominator = (denominator + MIDDLE_DENOMINATOR[i]!) * y;
    }
    return timesGaussian(y, (numerator + MIDDLE[7]) / (denominator + MIDDLE_DENOMINATOR[7]));
  }
  const inverseSquare = 1 / (y * y);
  let numerator = FAR[5] * inverseSquare;
  let denominator = inverseSquare;
  for (let i = 0; i < 4; i++) {
    numerator = (numerator + FAR[i]!) * inverseSquare;
    denominator = (denominator + FAR_DENOMINATOR[i]!) * inverseSquare;
  }
  const ratio = (inverseSquare * (numerator + FAR[4])) / (denominator + FAR_DENOMINATOR[4]);
  return timesGaussian(y, (ONE_OVER_SQRT_2PI - ratio) / y);
}

/** Φ(z) = P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new Error("normalCdf: z must be a number (got NaN)");
  const y = Math.abs(z);
  if (y <= NEAR_ZERO_LIMIT) {
    const square = y > HALF_EPSILON ? z * z : 0;
    let numerator = NEAR_ZERO[4] * square;
    let denominator = square;
    for (let i = 0; i < 3; i++) {
      numerator = (numerator + NEAR_ZERO[i]!) * square;
      denominator = (denominator + NEAR_ZERO_DENOMINATOR[i]!) * square;
    }
    return 0.5 + (z * (numerator + NEAR_ZERO[3])) / (denominator + NEAR_ZERO_DENOMINATOR[3]);
  }
  const tail = upperTail(y);
  // Like R, give 0 rather than a denormal: below 2.2e-308 there are no reliable digits left.
  const lower = z < 0 ? tail : 1 - tail;
  return lower < SMALLEST_NORMAL ? 0 : lower;
}
