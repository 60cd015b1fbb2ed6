#!/usr/bin/env node
/**
 * `npm run bench -- match`: `prepost match` end to end at an ICB's size, as a user runs it: the
 * referrals, the A&E and admissions extracts and the registered population read from CSV, 10,000
 * cases matched among 2,000,000 people, the comparison extract and the report written. Data by
 * `prepost synth population --population` (bench/data/match-<rows>/, made once, remade when the
 * generator's version changes). Each run in its own process under /usr/bin/time (wall seconds, CPU
 * seconds, peak RSS); at 10M and 20M activity rows, so that memory against rows shows.
 *
 *   npm run bench -- match                      # 2M people, 10,000 cases; 10M and 20M activity rows
 *   npm run bench -- match --rows 20m --reps 1
 *
 * Targets (issue 18): 20M rows matched in under two minutes, peak memory under 4 GB.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const bench = dirname(fileURLToPath(import.meta.url));
const root = dirname(bench);
const cli = join(root, "dist/prepost.js");
const args = process.argv.slice(2).filter((arg) => arg !== "match");
const { values } = parseArgs({ args, options: { rows: { type: "string", default: "10m,20m" }, reps: { type: "string", default: "1" }, out: { type: "string", default: join(bench, "results-match.md") } } });
const ROWS = { "10m": 10_000_000, "20m": 20_000_000 };
const PEOPLE = 2_000_000;
const PATIENTS = 10_000;
const { POPULATION_VERSION } = await import(pathToFileURL(join(root, "dist/synth/population.js")).href);

/**
 * No eligibility rule but complete windows: every referred patient is a case (their index dates,
 * October 2020 to October 2022, all have both windows inside the activity's span).
 */
const CONFIG = {
  referrals: "referrals.csv",
  ae: "ae.csv",
  admissions: "admissions.csv",
  population: "population.csv",
  outcomes: ["ae_attendances", "unplanned_admissions"],
  window: "6m",
  dataStart: "2020-01-01",
  dataEnd: "2023-06-30",
};

function ensureData(size) {
  const dir = join(bench, "data", `match-${size}`);
  const marker = join(dir, "made-by.json");
  const wanted = { generator: "prepost synth population", version: POPULATION_VERSION, patients: PATIENTS, activityRows: ROWS[size], population: PEOPLE };
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== JSON.stringify(wanted)) {
    console.error(`bench match: generating ${size} activity rows and ${PEOPLE.toLocaleString("en-GB")} people…`);
    rmSync(dir, { recursive: true, force: true });
    const synth = ["synth", "population", "--patients", String(PATIENTS), "--activity-rows", String(ROWS[size]), "--population", String(PEOPLE), "--out", dir];
    execFileSync(process.execPath, [cli, ...synth], { stdio: "inherit" });
    writeFileSync(marker, JSON.stringify(wanted));
  }
  writeFileSync(join(dir, "bench-match.json"), `${JSON.stringify(CONFIG, null, 2)}\n`);
  return dir;
}

const timeFile = join(mkdtempSync(join(tmpdir(), "prepost-bench-match-")), "time");

function timed(command) {
  const start = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "-o", timeFile, process.execPath, ...command], { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`failed: ${command.join(" ")}\n${run.stderr}`);
  const [rssKb, user, system] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { seconds, rssMb: rssKb / 1024, cpu: user + system, stdout: run.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const started = new Date();
const startLoad = loadavg().map((x) => x.toFixed(2)).join(", ");
const results = [];
for (const size of values.rows.split(",").map((s) => s.trim())) {
  if (!Object.hasOwn(ROWS, size)) throw new Error(`--rows: ${size} is not one of ${Object.keys(ROWS).join(", ")}`);
  const dir = ensureData(size);
  const config = join(dir, "bench-match.json");
  const commands = [
    { id: "match", label: "prepost match", args: [cli, "match", "--config", config, "--out", join(dir, "comparison.csv"), "--out", join(dir, "match.json"), "--quiet"] },
    { id: "evaluate", label: "prepost evaluate --match", args: [cli, "evaluate", "--config", config, "--match", "--format", "json", "--quiet"] },
  ];
  for (const command of commands) {
    const samples = [];
    for (let rep = 0; rep < Number(values.reps); rep++) {
      const sample = timed(command.args);
      samples.push(sample);
      console.error(`bench match: ${size} ${command.id} #${rep + 1}: ${sample.seconds.toFixed(1)} s, ${sample.cpu.toFixed(1)} s CPU, ${sample.rssMb.toFixed(0)} MB`);
    }
    const report = command.id === "match" ? JSON.parse(readFileSync(join(dir, "match.json"), "utf8")) : JSON.parse(samples.at(-1).stdout);
    results.push({
      size,
      label: command.label,
      seconds: median(samples.map((s) => s.seconds)),
      cpu: median(samples.map((s) => s.cpu)),
      rssMb: median(samples.map((s) => s.rssMb)),
      runs: samples.length,
      engine: report.settings.engine,
      match: report.match,
    });
  }
}

const cpu = cpus();
const lines = [
  "# Matching at an ICB's size",
  "",
  `Taken ${started.toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench -- match\` on ${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}; load average ${startLoad} when it started, ${loadavg().map((x) => x.toFixed(2)).join(", ")} when it ended (a shared machine).`,
  "",
  `${PEOPLE.toLocaleString("en-GB")} registered people (population.csv), ${PATIENTS.toLocaleString("en-GB")} referred patients, all of them cases; A&E attendances (60% of the activity rows) and admissions (40%), made by \`prepost synth population --population\`. Each command in its own process, from start to exit: reading every extract from CSV, matching, writing the outputs.`,
  "",
  "| activity rows | command | runs | median s | CPU s | peak RSS MB | engine | cases matched | controls |",
  "| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
  ...results.map((r) => `| ${ROWS[r.size].toLocaleString("en-GB")} | ${r.label} | ${r.runs} | ${r.seconds.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.rssMb.toFixed(0)} | ${r.engine} | ${r.match.matched.toLocaleString("en-GB")} of ${r.match.cases.toLocaleString("en-GB")} | ${r.match.controls.toLocaleString("en-GB")} |`),
  "",
  "Targets: 20,000,000 rows matched (`prepost match`) in under two minutes, peak memory under 4 GB.",
  "",
];
writeFileSync(values.out, lines.join("\n"));
rmSync(dirname(timeFile), { recursive: true, force: true });
console.error(`bench match: wrote ${values.out}`);
console.log(lines.join("\n"));
