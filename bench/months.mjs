// Times one month-by-month series (statistics.md; src/stats/month-series.ts) with 2,000 bootstrap
// replicates at 6k, 100k and 1M patients, for two kinds of outcome: A&E-like use (most patients none
// or one event in a year) and GP-appointment-like use (most patients several), so that the cost of
// the months can be read apart from reading extracts and from the row's own interval.
//
//   npm run build && node bench/months.mjs [patients…] [--runs R] [--months K]
//
// Each patient has a rate per month (A&E: 0.05, 0.3, 1.5 for 80%, 17%, 3%; GP: 0.3, 0.8, 2 for 40%,
// 45%, 15%) and a Poisson count in each of months −K…K; pre and post are the sums of months −K…−1 and
// +1…+K, as a series over the window adds up. Every patient is covered. The script prints how many
// distinct (pre, post) pairs and month profiles they make: the cost is in those, not in patients.
//
// Measured 2026-12-02 on the shared 2-core benchmark machine (Node 20.20.2, load average about 5),
// one series, seconds at 6k / 100k / 1M patients: A&E-like (981 / 8,963 / 54,267 month profiles)
// 0.26 / 1.12 / 7.96; GP-like (4,913 / 63,348 / 469,024) 0.48 / 8.21 / 112. A replicate costs in the
// month profiles its draws land on (times their months that are not 0), at most one per patient: for
// GP-like use, nearly every patient is a profile of their own, and the months cost what resampling
// patient by patient did. The row's own interval, over (pre, post) pairs only, stays at 0.1 s.
import { monthSeries } from "../dist/stats/month-series.js";
import { streamFor } from "../dist/stats/random-stream.js";
import { poisson } from "./poisson.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option("--runs", 3);
const K = option("--months", 6);
const sizes = args.filter((arg, i) => !arg.startsWith("--") && !["--runs", "--months"].includes(args[i - 1])).map(Number);
const patientCounts = sizes.length > 0 ? sizes : [6_000, 100_000, 1_000_000];
const M = 2 * K + 1;

const KINDS = {
  "A&E-like": [[80, 0.05], [97, 0.3], [100, 1.5]],
  "GP-like": [[40, 0.3], [85, 0.8], [100, 2]],
};

function simulate(patients, tiers) {
  const random = streamFor(2024, 0, patients);
  const months = new Int32Array(patients * M);
  const pre = new Int32Array(patients);
  const post = new Int32Array(patients);
  const covered = new Uint8Array(patients).fill(1);
  for (let i = 0; i < patients; i++) {
    const tier = random.uniformInt(100);
    const rate = tiers.find(([upTo]) => tier < upTo)[1];
    for (let m = 0; m < M; m++) {
      const count = m === K ? 0 : poisson(random, rate);
      months[i * M + m] = count;
      if (m < K) pre[i] += count;
      if (m > K) post[i] += count;
    }
  }
  return { pre, post, covered, months };
}

function distinct(cohort, width) {
  const seen = new Set();
  for (let i = 0; i < cohort.pre.length; i++) {
    seen.add(width === 2 ? `${cohort.pre[i]} ${cohort.post[i]}` : cohort.months.subarray(i * M, (i + 1) * M).join(" "));
  }
  return seen.size;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`node ${process.version}; ${runs} run(s) each, median shown; 2,000 replicates; months −${K}…${K}`);
console.log("outcome | patients | distinct (pre, post) | distinct month profiles | one series, s");
for (const [kind, tiers] of Object.entries(KINDS)) {
  for (const patients of patientCounts) {
    const cohort = simulate(patients, tiers);
    const times = [];
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      monthSeries([cohort], M, 2000, streamFor(1, 0, -1), streamFor(1, 0, -1, "referred_months"));
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    console.log(`${kind} | ${patients} | ${distinct(cohort, 2)} | ${distinct(cohort, M)} | ${median(times).toFixed(3)}`);
  }
}
