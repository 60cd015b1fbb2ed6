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

const NEAR_ZERO = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const;
const NEAR_ZERO_DENOMINATOR = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const;
const MIDDLE = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const MIDDLE_DENOMINATOR = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const FAR = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303] as const;
const FAR_DENOMINATOR = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;

const NEAR_ZERO_LIMIT = 0.66291;
const MIDDLE_LIMIT = Math.sqrt(32);
/** Beyond this Q(|z|) is below the smallest normal double (Φ(−38.5) ≈ 1e-324). */
const UNDERFLOW_LIMIT = 50;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const HALF_EPSILON = Number.EPSILON / 2;
/** The smallest normal double (C's DBL_MIN); below it a result has lost its precision. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

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
