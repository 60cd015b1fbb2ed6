import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "../helpers.js";

/**
 * Each mistake as a user makes it, run through the built CLI: exit 2 with a `prepost: ` message,
 * never exit 1, never a stack trace, never a wait for input that is not coming.
 */
const CLI = new URL("../../dist/prepost.js", import.meta.url).pathname;
const SECONDS = 20;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `prepost` with `stdin` piped in (or none), killed after SECONDS: a hang fails the test. */
function prepost(args: string[], options: { stdin?: string; shell?: boolean; cwd?: string } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = options.shell
      ? spawn("bash", ["-c", `"${process.execPath}" "${CLI}" ${args.join(" ")}`], { cwd: options.cwd })
      : spawn(process.execPath, [CLI, ...args], { cwd: options.cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`prepost ${args.join(" ")} still running after ${SECONDS} s: it hung`));
    }, SECONDS * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

function expectRefused(ran: Ran, message: string | RegExp): void {
  expect(ran.stderr).toMatch(/^prepost: /);
  expect(ran.stderr).not.toMatch(/\n\s+at /);
  expect(ran.stderr).not.toContain("internal error");
  expect(ran.stderr).toMatch(message);
  expect(ran.code).toBe(2);
}

const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\n";
const ae = "patient_id,arrival_date\np1,2021-05-01\n";

async function files() {
  return workspace({ "referrals.csv": referrals, "ae.csv": ae });
}

const NOT_A_FILE = /is not a regular file \(a pipe, <\(…\) or standard input\): prepost reads an extract more than once, so save it to a file and give that file/;

describe("inputs that are not regular files are refused up front, never read as empty, never waited on", () => {
  for (const engine of ["stream", "duckdb", "auto"]) {
    it(`refuses --ae /dev/stdin with the extract piped in (--engine ${engine})`, async () => {
      const ws = await files();
      const ran = await prepost(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", "/dev/stdin", "--engine", engine, "--bootstrap", "0"], { stdin: ae });
      expectRefused(ran, new RegExp(`^prepost: /dev/stdin: ${NOT_A_FILE.source}`));
    });

    it(`refuses process substitution, --ae <(cat ae.csv) (--engine ${engine})`, async () => {
      const ws = await files();
      const ran = await prepost(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", `<(cat "${ws.path("ae.csv")}")`, "--engine", engine, "--bootstrap", "0"], { shell: true });
      expectRefused(ran, new RegExp(`^prepost: /dev/fd/\\d+: ${NOT_A_FILE.source}`));
      expect(ran.stderr).not.toContain("empty");
    });
  }

  it("refuses a FIFO another process writes into, without opening it (no hang)", async () => {
    const ws = await files();
    execFileSync("mkfifo", [ws.path("ae.fifo")]);
    // The writer waits for a reader that never comes: it is killed once prepost has answered.
    const writer: ChildProcess = spawn("sh", ["-c", `cat "${ws.path("ae.csv")}" > "${ws.path("ae.fifo")}"`]);
    try {
      for (const engine of ["stream", "duckdb"]) {
        const ran = await prepost(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.fifo"), "--engine", engine, "--bootstrap", "0"]);
        expectRefused(ran, NOT_A_FILE);
      }
      const referralsFifo = await prepost(["evaluate", "--referrals", ws.path("ae.fifo"), "--ae", ws.path("ae.csv"), "--bootstrap", "0"]);
      expectRefused(referralsFifo, NOT_A_FILE);
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it("refuses convert --in /dev/stdin, inspect /dev/stdin and pseudonymise --in /dev/stdin, with no stack trace", async () => {
    const ws = await files();
    expectRefused(await prepost(["convert", "--in", "/dev/stdin", "--out", ws.path("ae.parquet")], { stdin: ae }), NOT_A_FILE);
    expectRefused(await prepost(["convert", "--in", "/dev/stdin", "--out", ws.path("ae.parquet")]), NOT_A_FILE);
    const inspected = await prepost(["inspect", "/dev/stdin"], { stdin: ae });
    expect(inspected.stderr + inspected.stdout).toMatch(NOT_A_FILE);
    expect(inspected.stderr).not.toMatch(/\n\s+at /);
  });

  it("reads /dev/stdin where standard input is a file redirected (< ae.csv): that is a regular file", async () => {
    const ws = await files();
    const ran = await prepost(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", "/dev/stdin", "--bootstrap", "0", "--format", "json", "--data-start", "2020-01-01", "--data-end", "2022-12-31", `< "${ws.path("ae.csv")}"`], { shell: true });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).outcomes[0].total.pre).toBe(1);
  });

  it("reads a config file from process substitution, once", async () => {
    const ws = await files();
    const ran = await prepost(["evaluate", "--config", `<(echo '{"bootstrap": 0, "window": "3m"}')`, "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--format", "json"], { shell: true });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout).settings.window).toBe("3m");
  });
});

describe("limits, each a clear error", () => {
  it("refuses --bootstrap over 100,000, by flag and in the config file", async () => {
    const ws = await files();
    const flag = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--bootstrap", "1000000000"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^prepost: --bootstrap: must be at most 100,000 \(each replicate is held in memory; the default is 2,000\)/);
    await writeFile(ws.path("evaluation.json"), JSON.stringify({ bootstrap: 100_001 }));
    const config = await runCli(["evaluate", "--config", ws.path("evaluation.json"), "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv")]);
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(`prepost: ${ws.path("evaluation.json")}: bootstrap: must be at most 100,000 (each replicate is held in memory; the default is 2,000)\n`);
  });

  it("accepts --bootstrap 100000", async () => {
    const ws = await files();
    const ran = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--bootstrap", "100000", "--format", "json"]);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).settings.bootstrap).toBe(100_000);
  });

  it("refuses a config file over 4 MB without reading it whole (an extract given as --config)", async () => {
    const ws = await files();
    await writeFile(ws.path("big.json"), `{"window": "6m", "cohorts": [${'{"cohort": "x"},'.repeat(300_000)}{"cohort": "y"}]}`);
    const ran = await prepost(["evaluate", "--config", ws.path("big.json"), "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv")]);
    expectRefused(ran, /big\.json: is longer than the 4 MB a config file may be: is it the config file\?\n$/);
  });
});

describe("a corrupted Parquet file is the user's problem, exit 2", () => {
  async function corrupted() {
    const ws = await files();
    const rows = Array.from({ length: 5000 }, (_, i) => `p${i % 3},2021-05-${String(1 + (i % 28)).padStart(2, "0")}\n`).join("");
    await writeFile(ws.path("ae-big.csv"), `patient_id,arrival_date\n${rows}`);
    expect((await runCli(["convert", "--in", ws.path("ae-big.csv"), "--out", ws.path("good.parquet")])).code).toBe(0);
    const bytes = await readFile(ws.path("good.parquet"));
    // The data pages garbled, the footer (and so the schema) intact: the file opens, its rows do not.
    const pages = Buffer.from(bytes);
    for (let i = 8; i < bytes.length / 2; i += 13) pages[i]! ^= 0x5a;
    await writeFile(ws.path("pages.parquet"), pages);
    await writeFile(ws.path("cut.parquet"), bytes.subarray(0, bytes.length >> 1));
    await writeFile(ws.path("text.parquet"), ae);
    return ws;
  }

  for (const engine of ["stream", "duckdb", "auto"]) {
    it(`reports a garbled, a cut short and a text file named .parquet as unreadable (--engine ${engine})`, async () => {
      const ws = await corrupted();
      for (const name of ["pages.parquet", "cut.parquet", "text.parquet"]) {
        const ran = await prepost(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path(name), "--engine", engine, "--bootstrap", "0"]);
        expectRefused(ran, new RegExp(`^prepost: ${ws.path(name)}: cannot read as Parquet: `));
      }
    });
  }

  it("refuses to convert a Parquet file, with a message", async () => {
    const ws = await corrupted();
    expectRefused(await prepost(["convert", "--in", ws.path("pages.parquet"), "--out", ws.path("again.parquet")]), /pages\.parquet: is a Parquet file, not CSV text/);
  });
});
