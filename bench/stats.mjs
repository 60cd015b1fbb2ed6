// Times rowStatistics (every statistics.md figure of one row) at 10k, 300k and 1M patients with
// 2,000 bootstrap replicates, for one cohort alone and with a comparison group of the same size, so
// that the cost of the statistics can be read apart from reading extracts.
//
//   npm run build && node bench/stats.mjs [patients…] [--runs R]
//
// The patients are simulated here, from a fixed seed, with counts shaped like A&E use in six months:
// most patients have none or one, a few are heavy users (rates 0.3, 2 and 10 for 80%, 17% and 3%),
// post ~ 0.8 × the pre rate. The script prints how many distinct (pre, post) pairs they make, since
// after the frequency table the bootstrap's cost is in those, not in patients.
//
// Measured 2026-12-02 on the shared 2-core benchmark machine (Node 20.20.2, load average about 5),
// one cohort, seconds at 10k / 300k / 1M patients: patient-by-patient resampling 0.21 / 18.4 / 53.1
// (0.13 / 10.2 / 28.6 with the machine quieter); the multinomial draw over pairs 0.04 / 0.09 / 0.13.
import { rowStatistics } from "../dist/stats/row-statistics.js";
import { streamFor } from "../dist/stats/random-stream.js";
import { poisson } from "./poisson.mjs";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const sizes = args.filter((arg, i) => !arg.startsWith("--") && (runsAt < 0 || i !== runsAt + 1)).map(Number);
const patientCounts = sizes.length > 0 ? sizes : [10_000, 300_000, 1_000_000];

function simulate(patients, sample) {
  const random = streamFor(2024, 0, patients, sample);
  const pre = new Int32Array(patients);
  const post = new Int32Array(patients);
  const prior = new Int32Array(patients);
  const priorCovered = new Uint8Array(patients);
  for (let i = 0; i < patients; i++) {
    const tier = random.uniformInt(100);
    const rate = tier < 80 ? 0.3 : tier < 97 ? 2 : 10;
    prior[i] = poisson(random, rate * 0.9);
    pre[i] = poisson(random, rate);
    post[i] = poisson(random, rate * 0.8);
    priorCovered[i] = random.uniformInt(10) < 7 ? 1 : 0;
  }
  return { pre, post, prior, priorCovered };
}

function distinctPairs(cohort) {
  const seen = new Set();
  for (let i = 0; i < cohort.pre.length; i++) seen.add(cohort.pre[i] * 65536 + cohort.post[i]);
  return seen.size;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const settings = { bootstrap: 2000, seed: 1, outcomeIndex: 0, rowIndex: 0 };
console.log(`node ${process.version}; ${runs} run(s) each, median shown; 2,000 replicates`);
console.log("patients | distinct (pre, post) | referred only, s | with comparison group, s | ci_low, ci_high");
for (const patients of patientCounts) {
  const cohort = simulate(patients, "referred");
  const comparison = simulate(patients, "comparison");
  const alone = [];
  const paired = [];
  let figures;
  for (let run = 0; run < runs; run++) {
    let start = process.hrtime.bigint();
    figures = rowStatistics([cohort], settings);
    alone.push(Number(process.hrtime.bigint() - start) / 1e9);
    start = process.hrtime.bigint();
    rowStatistics([cohort], settings, [{ pre: comparison.pre, post: comparison.post }]);
    paired.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(
    `${patients} | ${distinctPairs(cohort)} | ${median(alone).toFixed(3)} | ${median(paired).toFixed(3)} | ${figures.ci_low.toFixed(3)}, ${figures.ci_high.toFixed(3)}`,
  );
}
