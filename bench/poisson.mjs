// A Poisson draw for the benchmarks' simulated patients (D. E. Knuth, *The Art of Computer
// Programming* 2, 3rd ed., §3.4.1: fine for the small rates of hospital use), from prepost's own
// generator, so that the same seed gives the same patients.
export function poisson(random, lambda) {
  const limit = Math.exp(-lambda);
  let count = 0;
  let product = (random.nextUint32() + 0.5) / 2 ** 32;
  while (product > limit) {
    count++;
    product *= (random.nextUint32() + 0.5) / 2 ** 32;
  }
  return count;
}
