#!/usr/bin/env node
/**
 * `node bench/match.mjs` (after `npm run build`): matching at an ICB's size, on synthetic data made
 * here in memory: 2,000,000 registered people and 10,000 cases (the defaults), their A&E attendances
 * and unplanned admissions over four years. Times each step of `matchCases` on its own (filing the
 * candidates, the greedy search, the pool's moments, the balance) and the whole, with the heap in use
 * after it; `--csv` also writes the population extract to bench/data/match/ and times reading it.
 *
 *   node bench/match.mjs                          # 2M people, 10k cases, ratio 1
 *   node bench/match.mjs --people 500000 --cases 2000 --ratio 3 --exact-practice
 *   node bench/match.mjs --csv                    # and read the population extract from CSV
 *   node bench/match.mjs --activity 5             # five times the activity: few people without any
 *
 * The people: sex 1:1; birth years 1925-2022, older ages thinner; IMD decile, one of 200 practices,
 * long-term conditions rising with age; a tenth registered part-way, one in fifty left, one in a
 * hundred died. Activity: each person's yearly rates of A&E (0.3) and admissions (0.1), doubled
 * past 65, times a gamma frailty of shape 0.5 (most people have none in four years, a few many).
 * Cases: drawn with weight rising with age and frailty (people are referred in a bad spell), each
 * given an index date in 2021-01-01 … 2022-07-31; another 5,000 referred people are not cases.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const load = (path) => import(pathToFileURL(join(root, "dist", path)).href);
const { Xoshiro128StarStar } = await load("random/xoshiro128.js");
const { dayFromCivil, isoFromDay } = await load("core/day.js");
const { ActivityDaysBuilder } = await load("match/activity-days.js");
const { prepareMatch, matchInOrder, matchCases } = await load("match/match-cases.js");
const { caseOrder } = await load("match/case-order.js");
const { poolMoments } = await load("match/pool-moments.js");
const { exactVariables } = await load("match/exact-variables.js");
const { REGISTERED_SINCE_EVER, NEVER } = await load("extracts/population-table.js");

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "2000000" },
    cases: { type: "string", default: "10000" },
    ratio: { type: "string", default: "1" },
    caliper: { type: "string", default: "1" },
    "exact-practice": { type: "boolean", default: false },
    csv: { type: "boolean", default: false },
    activity: { type: "string", default: "1" },
  },
});
const PEOPLE = Number(values.people);
const CASES = Number(values.cases);
const ACTIVITY = Number(values.activity);
const random = new Xoshiro128StarStar([1, 2, 3, 4]);
const uniform = () => random.nextUint32() / 2 ** 32;
// Marsaglia and Tsang's gamma draw, for shape < 1 by boosting.
function gamma(shape) {
  if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(uniform() || 1e-12) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
function poisson(mean) {
  let k = 0;
  let p = Math.exp(-mean);
  let sum = p;
  const u = uniform();
  while (u > sum && k < 200) {
    k++;
    p *= mean / k;
    sum += p;
  }
  return k;
}

const DATA_START = dayFromCivil(2019, 7, 1);
const DATA_END = dayFromCivil(2023, 6, 30);
const PERIOD_START = dayFromCivil(2021, 1, 1);
const PERIOD_END = dayFromCivil(2022, 7, 31);
const SPAN = DATA_END - DATA_START + 1;

function makePopulation() {
  const started = performance.now();
  const sexCodes = ["F", "M"];
  const practiceCodes = Array.from({ length: 200 }, (_, i) => `P${String(i).padStart(5, "0")}`);
  const population = {
    size: PEOPLE,
    patientIds: new Array(PEOPLE),
    indexOf: new Map(),
    lines: new Int32Array(PEOPLE),
    sex: new Int32Array(PEOPLE),
    sexCodes,
    birthYear: new Int32Array(PEOPLE),
    imdDecile: new Uint8Array(PEOPLE),
    practice: new Int32Array(PEOPLE),
    practiceCodes,
    ltcCount: new Int32Array(PEOPLE),
    registeredFrom: new Int32Array(PEOPLE).fill(REGISTERED_SINCE_EVER),
    registeredTo: new Int32Array(PEOPLE).fill(NEVER),
    died: new Int32Array(PEOPLE).fill(NEVER),
    has: { imdDecile: true, practice: "practice", ltcCount: true },
  };
  const frailty = new Float64Array(PEOPLE);
  for (let p = 0; p < PEOPLE; p++) {
    const id = `pt${p.toString(16).padStart(8, "0")}`;
    population.patientIds[p] = id;
    population.indexOf.set(id, p);
    population.lines[p] = p + 2;
    population.sex[p] = random.uniformInt(2);
    // Ages 0-97 in 2022, thinning past 60.
    let age = random.uniformInt(98);
    if (age > 60 && uniform() < (age - 60) / 45) age = random.uniformInt(61);
    population.birthYear[p] = 2022 - age;
    population.imdDecile[p] = 1 + random.uniformInt(10);
    population.practice[p] = random.uniformInt(200);
    population.ltcCount[p] = poisson(age / 25);
    if (uniform() < 0.1) population.registeredFrom[p] = DATA_START + random.uniformInt(SPAN);
    if (uniform() < 0.02) population.registeredTo[p] = Math.max(population.registeredFrom[p], DATA_START) + random.uniformInt(SPAN);
    if (uniform() < 0.01) population.died[p] = DATA_START + random.uniformInt(SPAN);
    frailty[p] = gamma(0.5) / 0.5;
  }
  return { population, frailty, seconds: (performance.now() - started) / 1000 };
}

function makeActivity(population, frailty) {
  const started = performance.now();
  const builder = new ActivityDaysBuilder(population.size, ["ae_attendances", "unplanned_admissions"]);
  let events = 0;
  for (let p = 0; p < population.size; p++) {
    const old = 2022 - population.birthYear[p] >= 65 ? 2 : 1;
    const years = SPAN / 365.25;
    for (const [outcome, rate] of [[0, 0.3], [1, 0.1]]) {
      const n = poisson(rate * ACTIVITY * old * frailty[p] * years);
      for (let e = 0; e < n; e++) builder.add(outcome, p, DATA_START + random.uniformInt(SPAN));
      events += n;
    }
  }
  return { activity: builder.done(), events, seconds: (performance.now() - started) / 1000 };
}

function makeCases(population, frailty) {
  const chosen = new Set();
  const cases = [];
  while (cases.length < CASES) {
    const p = random.uniformInt(population.size);
    const age = 2022 - population.birthYear[p];
    if (chosen.has(p) || age < 18 || population.died[p] !== NEVER) continue;
    if (uniform() > Math.min(1, (age / 90) * (0.3 + frailty[p]))) continue;
    chosen.add(p);
    cases.push({ patientId: population.patientIds[p], cohort: `COHORT ${1 + (cases.length % 4)}`, indexDate: PERIOD_START + random.uniformInt(PERIOD_END - PERIOD_START + 1) });
  }
  const referredIds = new Set(cases.map((c) => c.patientId));
  while (referredIds.size < CASES + 5000) referredIds.add(population.patientIds[random.uniformInt(population.size)]);
  return { cases, referredIds };
}

// Wall-clock and CPU seconds: on a shared machine the CPU time is the steadier figure.
const time = (f) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
};
const took = (t) => `${t.seconds.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const made = makePopulation();
const act = makeActivity(made.population, made.frailty);
const { cases, referredIds } = makeCases(made.population, made.frailty);
const settings = { window: { count: 6, unit: "m" }, indexDay: "exclude", ratio: Number(values.ratio), caliper: values.caliper === "none" ? null : Number(values.caliper), seed: 1, exactPractice: values["exact-practice"] };
const input = { cases, referredIds, population: made.population, activity: act.activity, settings };
made.frailty.fill(0);
globalThis.gc?.();
const before = process.memoryUsage();
console.log(`synthetic data: ${PEOPLE.toLocaleString("en-GB")} people (${made.seconds.toFixed(1)} s), ${act.events.toLocaleString("en-GB")} events (${act.seconds.toFixed(1)} s), ${CASES.toLocaleString("en-GB")} cases; heap ${mb(before.heapUsed)}, array buffers ${mb(before.arrayBuffers)}`);
console.log(`activity ×${ACTIVITY}; settings: ratio ${settings.ratio}, caliper ${settings.caliper ?? "none"}, exact practice ${settings.exactPractice}`);

const prepared = time(() => prepareMatch(input));
const greedy = time(() => matchInOrder(prepared.value, caseOrder(prepared.value.cases.length, 1)));
const exact = exactVariables(made.population, settings.exactPractice);
const pool = time(() => poolMoments({ population: made.population, referred: prepared.value.referred, activity: act.activity, indexDay: "exclude", caseWindows: prepared.value.cases.map((c) => c.at.windows), exact }));
const whole = time(() => matchCases(input));
const after = process.memoryUsage();
const result = whole.value;
const controls = result.sets.reduce((sum, set) => sum + set.controls.length, 0);
const reasons = {};
for (const { reason } of result.unmatched) reasons[reason] = (reasons[reason] ?? 0) + 1;
console.log(`prepare (cases, distance, filing the candidates): ${took(prepared)}`);
console.log(`greedy search: ${took(greedy)}`);
console.log(`pool moments: ${took(pool)}`);
console.log(`matchCases, whole (with balance): ${took(whole)}`);
console.log(`matched ${result.sets.length} of ${CASES} cases with ${controls} controls; unmatched ${JSON.stringify(reasons)}; controls per case ${JSON.stringify(result.controlsPerCase)}`);
console.log(`distance over ${result.variables.distance.join(", ")}; left out ${JSON.stringify(result.variables.leftOut)}`);
console.log(`heap after ${mb(after.heapUsed)}, array buffers ${mb(after.arrayBuffers)}, rss ${mb(after.rss)}`);
const worst = result.balance.rows.filter((row) => row.category === null).map((row) => `${row.variable} ${row.smdBefore?.toFixed(3)} → ${row.smdAfter?.toFixed(3)}`);
console.log(`SMD before → after: ${worst.join("; ")}`);
console.log(`warnings: ${result.balance.warnings.length}${result.balance.warnings.length ? `: ${result.balance.warnings.slice(0, 5).join(" | ")}` : ""}`);

if (values.csv) {
  const { readPopulation } = await load("extracts/population.js");
  const { ProblemLog } = await load("extracts/problem-log.js");
  const dir = join(root, "bench", "data", "match");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "population.csv");
  const p = made.population;
  const lines = ["patient_id,sex,birth_year,imd_decile,practice,ltc_count,registered_from,registered_to,died"];
  const date = (day, none) => (day === none ? "" : isoFromDay(day));
  for (let i = 0; i < p.size; i++) {
    lines.push(`${p.patientIds[i]},${p.sexCodes[p.sex[i]]},${p.birthYear[i]},${p.imdDecile[i]},${p.practiceCodes[p.practice[i]]},${p.ltcCount[i]},${date(p.registeredFrom[i], REGISTERED_SINCE_EVER)},${date(p.registeredTo[i], NEVER)},${date(p.died[i], NEVER)}`);
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
  lines.length = 0;
  const source = { extract: "population", path, file: "population.csv", columns: {}, format: { dateFormat: "auto", delimiter: undefined, encoding: "utf-8" }, needed: {} };
  const started = performance.now();
  const read = await readPopulation(source, new ProblemLog());
  const seconds = (performance.now() - started) / 1000;
  const memory = process.memoryUsage();
  console.log(`read population.csv (${read.rows.toLocaleString("en-GB")} rows): ${seconds.toFixed(2)} s; heap ${mb(memory.heapUsed)}, array buffers ${mb(memory.arrayBuffers)}`);
}
