#!/usr/bin/env node
/**
 * `npm run bench:instructions`: what one A&E row costs the stream engine and the bare csv-parse
 * pipeline, in machine instructions, which the machine's other work does not change (wall and CPU
 * times on a shared machine vary by a fifth from run to run).
 *
 * Each command runs under valgrind's cachegrind, counting instructions, on the first 100,000 and the
 * first 300,000 rows of bench/data/1m/ae.csv (made by `npm run bench`); the difference, over 200,000,
 * is the cost of a row once start-up, loading and warming up are paid. Node runs with
 * `--single-threaded` (no concurrent compiler or GC threads), so that V8 optimises at the same points
 * in every run. About five minutes on two cores; writes bench/instructions.md.
 *
 *   npm run bench:instructions
 */
import { execFileSync, spawn } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const bench = dirname(fileURLToPath(import.meta.url));
const root = dirname(bench);
const data = join(bench, "data", "1m");
const SIZES = [100_000, 300_000];

if (!existsSync(join(data, "ae.csv"))) throw new Error("bench/data/1m is missing: run `npm run bench -- --sizes 1m` first");
try {
  execFileSync("valgrind", ["--version"], { stdio: "ignore" });
} catch {
  throw new Error("valgrind is not installed (Debian: apt-get install valgrind)");
}

/** The header and the first `rows` rows of the 1M extract, and a config for it. */
async function prefix(dir, rows) {
  const lines = [];
  const input = createInterface({ input: createReadStream(join(data, "ae.csv")) });
  for await (const line of input) {
    lines.push(line);
    if (lines.length > rows) break;
  }
  input.close();
  const ae = join(dir, `ae-${rows}.csv`);
  writeFileSync(ae, `${lines.join("\n")}\n`);
  const config = JSON.parse(readFileSync(join(data, "bench.json"), "utf8"));
  const configPath = join(dir, `bench-${rows}.json`);
  writeFileSync(configPath, JSON.stringify({ ...config, referrals: join(data, "referrals.csv"), ae }));
  return { ae, config: configPath };
}

/** Instructions executed by one command, every thread included. */
function instructions(args) {
  return new Promise((resolve, reject) => {
    const valgrind = ["--tool=cachegrind", "--cache-sim=no", "--smc-check=all-non-file", "--cachegrind-out-file=/dev/null"];
    // Both prefixes read as the large extracts are, in a worker (one of them is under the 16 MB threshold).
    const env = { ...process.env, PREPOST_WORKER_MIN_BYTES: "0" };
    const child = spawn("valgrind", [...valgrind, process.execPath, "--single-threaded", ...args], { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (code !== 0 || !refs) return reject(new Error(`failed (${code}): ${args.join(" ")}\n${stderr.slice(-2000)}`));
      resolve(Number(refs[1].replaceAll(",", "")));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "prepost-instructions-"));
try {
  const files = await Promise.all(SIZES.map((rows) => prefix(dir, rows)));
  const commands = {
    stream: (f) => [join(root, "dist/prepost.js"), "evaluate", "--config", f.config, "--format", "json", "--engine", "stream"],
    csvparse: (f) => [join(bench, "csv-parse-baseline.mjs"), f.ae],
  };
  const counts = {};
  for (const [id, args] of Object.entries(commands)) {
    // The two sizes side by side: instruction counts do not depend on what else runs.
    counts[id] = await Promise.all(files.map((f) => instructions(args(f))));
    console.error(`bench: ${id}: ${counts[id].map((n) => n.toLocaleString("en-GB")).join(", ")} instructions`);
  }
  const perRow = (id) => (counts[id][1] - counts[id][0]) / (SIZES[1] - SIZES[0]);
  const lines = [
    "# Instructions per A&E row",
    "",
    `Taken ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:instructions\`, Node ${process.version}, under valgrind's cachegrind (\`node --single-threaded\`).`,
    "The first 100,000 and 300,000 rows of bench/data/1m/ae.csv; a row's cost is the difference over 200,000 rows.",
    "",
    "| command | instructions, 100k rows | instructions, 300k rows | per row |",
    "| --- | ---: | ---: | ---: |",
    ...Object.keys(commands).map((id) => `| ${id === "stream" ? "prepost evaluate --engine stream" : "bare csv-parse pipeline"} | ${counts[id][0].toLocaleString("en-GB")} | ${counts[id][1].toLocaleString("en-GB")} | ${Math.round(perRow(id)).toLocaleString("en-GB")} |`),
    "",
    `Stream engine ÷ bare csv-parse, per row: **${(perRow("stream") / perRow("csvparse")).toFixed(2)}**.`,
    "",
  ];
  writeFileSync(join(bench, "instructions.md"), lines.join("\n"));
  console.log(lines.join("\n"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
