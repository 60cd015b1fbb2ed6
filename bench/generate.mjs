#!/usr/bin/env node
/**
 * A small streaming generator of benchmark extracts, used until `prepost synth population` (branch
 * `synth`) is merged: referrals.csv, ae.csv and admissions.csv shaped like SUS/ECDS exports (a dozen
 * columns, ~78 bytes an A&E row, as the 780 MB / 10M-row extract), written row by row in
 * bounded memory. Deterministic: the same arguments give the same bytes.
 *
 *   node bench/generate.mjs --patients 10000 --ae-rows 10000000 [--admission-rows N] --out bench/data/10m
 *
 * Writes evaluation.json beside them: the West Kent report's rules and the data coverage the rows
 * span (given, so that the analyst's query need not infer it), A&E only unless admissions are asked for.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    patients: { type: "string", default: "10000" },
    "ae-rows": { type: "string", default: "1000000" },
    "admission-rows": { type: "string" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
  },
});
if (!values.out) throw new Error("--out DIR is required");
const patients = Number(values.patients);
const aeRows = Number(values["ae-rows"]);
const admissionRows = Number(values["admission-rows"] ?? 0);

/** mulberry32: small, fast, seeded; not for statistics, only for plausible-looking rows. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(Number(values.seed));
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rnd() * list.length)];

const DAY0 = Date.UTC(1970, 0, 1);
const dayOf = (y, m, d) => (Date.UTC(y, m - 1, d) - DAY0) / 86400000;
const isoCache = new Map();
function iso(day) {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * 86400000).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}
const SPAN = { start: dayOf(2020, 1, 1), end: dayOf(2023, 6, 30) };
const REFERRAL_SPAN = { start: dayOf(2020, 4, 1), end: dayOf(2022, 12, 31) };
const RESIDENTS_PER_PATIENT = 50;
const REFERRED_SHARE = 0.3;

const patientId = (serial) => `PP${(((serial + 1) * 2654435761) >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
const indexDays = new Int32Array(patients);
for (let p = 0; p < patients; p++) indexDays[p] = int(REFERRAL_SPAN.start, REFERRAL_SPAN.end);

async function writeCsv(path, header, rows, makeRow) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let chunk = `${header.join(",")}\n`;
  for (let r = 0; r < rows; r++) {
    chunk += `${makeRow().join(",")}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

function owner() {
  if (rnd() < REFERRED_SHARE) {
    const p = int(0, patients - 1);
    const day = Math.min(SPAN.end, Math.max(SPAN.start, indexDays[p] + int(-400, 400)));
    return [patientId(p), day];
  }
  return [patientId(patients + int(0, patients * RESIDENTS_PER_PATIENT - 1)), int(SPAN.start, SPAN.end)];
}

const COHORTS = ["COHORT 1", "COHORT 2", "COHORT 3", "COHORT 4"];
const time = () => `${String(int(0, 23)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}`;
const PROVIDERS = ["RWF", "RVV", "RN7", "RPA", "RJ2"];

mkdirSync(values.out, { recursive: true });
let referralRows = 0;
let attendances = 0;
await writeCsv(join(values.out, "referrals.csv"), ["patient_id", "cohort", "intervention_date", "consent", "onward_referrals", "age"], patients * 2, () => {
  const p = Math.floor(referralRows++ / 2);
  const day = indexDays[p] + (referralRows % 2 === 0 ? int(0, 90) : 0);
  return [patientId(p), COHORTS[p % 4], iso(Math.min(day, REFERRAL_SPAN.end)), rnd() < 0.9 ? "Y" : "N", String(int(0, 3)), String(int(16, 95))];
});
await writeCsv(
  join(values.out, "ae.csv"),
  ["attendance_id", "patient_id", "arrival_date", "arrival_time", "attendance_category", "department_type", "provider_code", "arrival_mode", "chief_complaint", "discharge_destination", "age_band", "lsoa"],
  aeRows,
  () => {
    const [id, day] = owner();
    attendances++;
    return [`A${String(attendances).padStart(9, "0")}`, id, iso(day), time(), rnd() < 0.06 ? "4" : pick(["1", "1", "1", "2", "3"]), "01", pick(PROVIDERS), pick(["1", "2"]), String(int(1000, 1999)), pick(["306689006", "19712007", "1066331000000109"]), String(int(1, 19)), `E0${int(1000000, 1099999)}`];
  },
);
if (admissionRows > 0) await writeCsv(
  join(values.out, "admissions.csv"),
  ["patient_id", "admission_date", "admission_method", "episode_order", "provider_code", "main_specialty", "primary_diagnosis", "discharge_date"],
  admissionRows,
  () => {
    const [id, day] = owner();
    return [id, iso(day), pick(["21", "21", "22", "23", "2A", "11", "12", "13", "31", "81"]), pick(["01", "01", "01", "02"]), pick(PROVIDERS), pick(["100", "300", "301", "430"]), pick(["J18.9", "I21.4", "N39.0", "R07.4"]), iso(day + int(0, 10))];
  },
);
const config = {
  referrals: "referrals.csv", ae: "ae.csv", ...(admissionRows > 0 ? { admissions: "admissions.csv" } : {}),
  from: "2021-01-01", to: "2022-07-31", window: "6m", requireConsent: true, minOnwardReferrals: 1, minAge: 18,
  dataStart: "2020-01-01", dataEnd: "2023-06-30",
};
const { writeFileSync } = await import("node:fs");
writeFileSync(join(values.out, "evaluation.json"), `${JSON.stringify(config, null, 2)}\n`);
console.log(`wrote ${values.out}: ${patients} patients, ${aeRows} A&E rows, ${admissionRows} admission rows`);
