/**
 * What prepost writes (issue #15), as a user meets it: the built CLI run as a real process in a
 * temporary folder, so that devices, FIFOs, links and a full standard output are the real thing.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, closeSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, linkSync } from "node:fs";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../helpers/temp-files.js";

const MAIN = join(import.meta.dirname, "..", "..", "dist", "prepost.js");
const SMALL = join(import.meta.dirname, "..", "..", "fixtures", "small");

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/prepost.js` in `cwd`; `stdout` may be a descriptor to give it (such as /dev/full's). */
function prepost(args: string[], cwd: string, stdout?: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd, stdio: ["ignore", stdout ?? "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk) => void (out += chunk));
    child.stderr!.on("data", (chunk) => void (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

/** Bytes and mode of each file, to show that a refused run left them exactly as they were. */
function snapshot(dir: string): Record<string, { bytes: string; mode: number; link?: string }> {
  const files: Record<string, { bytes: string; mode: number; link?: string }> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const link = lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
    const info = statSync(path);
    if (!info.isFile()) continue;
    files[name] = { bytes: readFileSync(path, "base64"), mode: info.mode & 0o7777, ...(link ? { link } : {}) };
  }
  return files;
}

/** The small fixture (config, referrals, A&E, admissions) in a fresh folder. */
async function study(): Promise<string> {
  const dir = await tempFolder();
  await cp(SMALL, dir, { recursive: true });
  chmodSync(join(dir, "ae.csv"), 0o640);
  return dir;
}

const evaluate = ["evaluate", "--config", "evaluation.json", "--bootstrap", "0"];

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe("an output that is one of the run's inputs is refused, however spelled, before anything is read", () => {
  it.each([
    ["ae.csv", "the A&E attendances extract"],
    ["referrals.csv", "the referrals extract"],
    ["./admissions.csv", "the admissions extract"],
    ["evaluation.json", "the config file"],
  ])("evaluate --out %s", async (out, what) => {
    const dir = await study();
    const before = snapshot(dir);
    const ran = await prepost([...evaluate, "--out", out, "--format", "json"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`prepost: ${out}: is ${what}`);
    expect(ran.stderr).toContain("prepost never writes over an input");
    expect(snapshot(dir)).toEqual(before);
  });

  it("through a symbolic link or a hard link to an extract", async () => {
    const dir = await study();
    symlinkSync("ae.csv", join(dir, "soft.csv"));
    linkSync(join(dir, "ae.csv"), join(dir, "hard.csv"));
    const before = snapshot(dir);
    for (const out of ["soft.csv", "hard.csv"]) {
      const ran = await prepost([...evaluate, "--out", out], dir);
      expect(ran.code, out).toBe(2);
      expect(ran.stderr).toContain(`prepost: ${out}: is the A&E attendances extract (ae.csv): prepost never writes over an input`);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(lstatSync(join(dir, "soft.csv")).isSymbolicLink()).toBe(true);
  });

  it("through a path that names a folder that is not there (nowhere/../ae.csv is ae.csv to prepost)", async () => {
    const dir = await study();
    const before = snapshot(dir);
    const ran = await prepost([...evaluate, "--out", "nowhere/../ae.csv"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("prepost: nowhere/../ae.csv: is the A&E attendances extract (ae.csv): prepost never writes over an input");
    expect(snapshot(dir)).toEqual(before);
  });

  it("before an extract is read: a malformed extract is not what stops the run", async () => {
    const dir = await study();
    writeFileSync(join(dir, "ae.csv"), "patient_id,arrival_date\np1,not a date\n");
    const ran = await prepost([...evaluate, "--out", "ae.csv"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^prepost: ae\.csv: is the A&E attendances extract: prepost never writes over an input; choose another output name\n$/);
  });

  it("pseudonymise --out onto its own --in, or onto the key file", async () => {
    const dir = await tempFolder();
    writeFileSync(join(dir, "raw.csv"), "nhs_number,x\n9434765919,a\n", { mode: 0o600 });
    execFileSync(process.execPath, [MAIN, "keygen", "--out", "k.key"], { cwd: dir });
    const before = snapshot(dir);
    const onInput = await prepost(["pseudonymise", "--in", "raw.csv", "--column", "nhs_number", "--key-file", "k.key", "--out", "./raw.csv"], dir);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toContain("prepost: ./raw.csv: is the extract being pseudonymised (raw.csv): prepost never writes over an input");
    const onKey = await prepost(["pseudonymise", "--in", "raw.csv", "--column", "nhs_number", "--key-file", "k.key", "--out", "k.key"], dir);
    expect(onKey.code).toBe(2);
    expect(onKey.stderr).toContain("prepost: k.key: is the key file: prepost never writes over an input");
    expect(snapshot(dir)).toEqual(before);
  });

  it("convert --out onto its --in, and inspect --write-config onto an inspected file through a link", async () => {
    const dir = await study();
    symlinkSync("referrals.csv", join(dir, "r-link.json"));
    const before = snapshot(dir);
    const convert = await prepost(["convert", "--in", "ae.csv", "--out", "ae.csv"], dir);
    expect(convert.code).toBe(2);
    expect(convert.stderr).toContain("prepost: ae.csv: is the CSV extract being converted: prepost never writes over an input");
    const inspect = await prepost(["inspect", "referrals.csv", "--write-config", "r-link.json"], dir);
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain("prepost: r-link.json: is one of the inspected files (referrals.csv)");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("an output that is not a regular file is written in place, never replaced", () => {
  it("/dev/null stays the device it was", async () => {
    const dir = await study();
    const device = statSync("/dev/null");
    const ran = await prepost([...evaluate, "--out", "/dev/null", "--format", "json"], dir);
    expect(ran).toMatchObject({ code: 0, stderr: "" });
    const after = statSync("/dev/null");
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.rdev, after.ino, after.mode]).toEqual([device.rdev, device.ino, device.mode]);
    expect(readdirSync("/dev").filter((name) => name.startsWith(".null."))).toEqual([]);
  });

  it("/dev/stdout is the command's standard output", async () => {
    const dir = await study();
    const ran = await prepost([...evaluate, "--out", "/dev/stdout", "--format", "json"], dir);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).outcomes).toHaveLength(2);
  });

  it("a FIFO is written to, and stays a FIFO", async () => {
    const dir = await study();
    execFileSync("mkfifo", [join(dir, "report.json")]);
    const reader = new Promise<string>((resolve, reject) => {
      const cat = spawn("cat", [join(dir, "report.json")]);
      let text = "";
      cat.stdout.on("data", (chunk) => void (text += chunk));
      cat.on("error", reject);
      cat.on("close", () => resolve(text));
    });
    const ran = await prepost([...evaluate, "--out", "report.json"], dir);
    expect(ran).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(await reader).outcomes).toHaveLength(2);
    expect(lstatSync(join(dir, "report.json")).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("a link to an output file stays a link; its target is replaced whole and keeps its mode", async () => {
    const dir = await study();
    writeFileSync(join(dir, "old-report.json"), "last month's\n", { mode: 0o640 });
    chmodSync(join(dir, "old-report.json"), 0o640);
    symlinkSync("old-report.json", join(dir, "report.json"));
    const ran = await prepost([...evaluate, "--out", "report.json"], dir);
    expect(ran.code).toBe(0);
    expect(readlinkSync(join(dir, "report.json"))).toBe("old-report.json");
    expect(JSON.parse(readFileSync(join(dir, "old-report.json"), "utf8")).outcomes).toHaveLength(2);
    expect(mode(join(dir, "old-report.json"))).toBe(0o640);
  });

  it("a link to no file yet makes its target and stays a link", async () => {
    const dir = await study();
    symlinkSync("made.json", join(dir, "report.json"));
    expect((await prepost([...evaluate, "--out", "report.json"], dir)).code).toBe(0);
    expect(lstatSync(join(dir, "report.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "made.json"), "utf8")).outcomes).toHaveLength(2);
  });
});

describe("modes: an existing output keeps its own, a new pseudonymised file is the owner's only", () => {
  it("evaluate over a 0600 report leaves it 0600", async () => {
    const dir = await study();
    writeFileSync(join(dir, "r.json"), "old\n", { mode: 0o600 });
    expect((await prepost([...evaluate, "--out", "r.json"], dir)).code).toBe(0);
    expect(mode(join(dir, "r.json"))).toBe(0o600);
    expect(readFileSync(join(dir, "r.json"), "utf8")).toMatch(/^\{/);
  });

  it("pseudonymise makes a new file 0600 and keeps an existing file's 0640", async () => {
    const dir = await tempFolder();
    writeFileSync(join(dir, "raw.csv"), "nhs_number,x\n9434765919,a\n");
    execFileSync(process.execPath, [MAIN, "keygen", "--out", "k.key"], { cwd: dir });
    const args = ["pseudonymise", "--in", "raw.csv", "--column", "nhs_number", "--key-file", "k.key", "--out", "p.csv"];
    expect((await prepost(args, dir)).code).toBe(0);
    expect(mode(join(dir, "p.csv"))).toBe(0o600);
    expect(mode(join(dir, "k.key"))).toBe(0o600);
    chmodSync(join(dir, "p.csv"), 0o640);
    expect((await prepost(args, dir)).code).toBe(0);
    expect(mode(join(dir, "p.csv"))).toBe(0o640);
    expect(readFileSync(join(dir, "p.csv"), "utf8")).toMatch(/^patient_id,x\n[0-9a-f]{64},a\n$/);
  });
});

describe("every write is checked, standard output included", () => {
  function onFull(): number {
    return openSync("/dev/full", "w");
  }

  it("evaluate > /dev/full: exit 1, saying the output is incomplete", async () => {
    const dir = await study();
    const full = onFull();
    const ran = await prepost(evaluate, dir, full);
    closeSync(full);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe("prepost: standard output: could not write (ENOSPC: no space left on device): the output is incomplete\n");
  });

  it("pseudonymise > /dev/full: exit 1 with the message (not exit 13 and silence)", async () => {
    const dir = await tempFolder();
    writeFileSync(join(dir, "raw.csv"), "nhs_number,x\n9434765919,a\n");
    execFileSync(process.execPath, [MAIN, "keygen", "--out", "k.key"], { cwd: dir });
    const full = onFull();
    const ran = await prepost(["pseudonymise", "--in", "raw.csv", "--column", "nhs_number", "--key-file", "k.key"], dir, full);
    closeSync(full);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe("prepost: standard output: could not write (ENOSPC: no space left on device): the output is incomplete\n");
  });

  it("inspect and synth > /dev/full: exit 1, not 0", async () => {
    const dir = await study();
    for (const args of [["inspect", "ae.csv"], ["synth", "population", "--patients", "5", "--activity-rows", "10", "--out", "pop"]]) {
      const full = onFull();
      const ran = await prepost(args, dir, full);
      closeSync(full);
      expect(ran.code, args[0]).toBe(1);
      expect(ran.stderr).toContain("prepost: standard output: could not write (ENOSPC");
    }
  });

  it("--out /dev/full: exit 1; with a second --out, that file is not written and an old one is as it was", async () => {
    const dir = await study();
    const alone = await prepost([...evaluate, "--out", "/dev/full", "--format", "json"], dir);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe("prepost: /dev/full: could not write (ENOSPC: no space left on device): the output is incomplete\n");
    writeFileSync(join(dir, "r.json"), "keep me\n");
    const before = snapshot(dir);
    const two = await prepost([...evaluate, "--format", "json", "--out", "r.json", "--out", "/dev/full"], dir);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain("the output files were not written");
    expect(snapshot(dir)).toEqual(before);
  });

  it("pseudonymise and convert --out /dev/full: exit 1 with the message", async () => {
    const dir = await tempFolder();
    writeFileSync(join(dir, "raw.csv"), "nhs_number,x\n9434765919,a\n");
    execFileSync(process.execPath, [MAIN, "keygen", "--out", "k.key"], { cwd: dir });
    const pseudonymised = await prepost(["pseudonymise", "--in", "raw.csv", "--column", "nhs_number", "--key-file", "k.key", "--out", "/dev/full"], dir);
    expect(pseudonymised.code).toBe(1);
    expect(pseudonymised.stderr).toBe("prepost: /dev/full: could not write (ENOSPC: no space left on device): the output is incomplete\n");
    const converted = await prepost(["convert", "--in", "raw.csv", "--out", "/dev/full"], dir);
    expect(converted.code).toBe(1);
    expect(converted.stderr).toBe("prepost: /dev/full: could not write (ENOSPC: no space left on device): the output is incomplete\n");
  });

  it("a reader that stops early (| head) is a quiet exit 0", async () => {
    const dir = await tempFolder();
    const rows = Array.from({ length: 100_000 }, (_, i) => `${String(9_000_000_000 + i)},row ${i}\n`).join("");
    writeFileSync(join(dir, "raw.csv"), `id,x\n${rows}`);
    execFileSync(process.execPath, [MAIN, "keygen", "--out", "k.key"], { cwd: dir });
    const ran = await new Promise<Ran>((resolve, reject) => {
      const child = spawn(process.execPath, [MAIN, "pseudonymise", "--in", "raw.csv", "--column", "id", "--on-invalid", "drop", "--key-file", "k.key"], { cwd: dir });
      let err = "";
      child.stderr.on("data", (chunk) => void (err += chunk));
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout: "", stderr: err }));
    });
    expect(ran.code).toBe(0);
    expect(ran.stderr).not.toMatch(/could not write|internal error|EPIPE/);
  });
});

describe("a mistake in an output's path is exit 2 with a message, never an internal error", () => {
  it.each([
    ["ae.csv/x.json", "a part of the path is a file, not a folder"],
    ["missing/x.json", "no such folder"],
    [`${"a".repeat(260)}.json`, "the name is too long"],
    [".", "is a folder"],
  ])("evaluate --out %s", async (out, why) => {
    const dir = await study();
    const before = snapshot(dir);
    const ran = await prepost([...evaluate, "--out", out, "--format", "json"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`prepost: ${out}: cannot write the output: ${why}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a 250-character name, which the file system allows, is written", async () => {
    const dir = await study();
    const name = `${"b".repeat(245)}.json`;
    expect((await prepost([...evaluate, "--out", name], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, name), "utf8")).outcomes).toHaveLength(2);
  });

  it("keygen and pseudonymise: a file used as a folder, or too long a name", async () => {
    const dir = await study();
    for (const args of [
      ["keygen", "--out", "ae.csv/k.key"],
      ["keygen", "--out", `${"k".repeat(300)}.key`],
      ["pseudonymise", "--in", "ae.csv", "--column", "patient_id", "--out", "ae.csv/p.csv"],
    ]) {
      const ran = await prepost(args, dir);
      expect(ran.code, args.join(" ")).toBe(2);
      expect(ran.stderr).toMatch(/^prepost: \S+: cannot write the output: (a part of the path is a file|the name is too long)/);
    }
  });

  it("synth --out an existing file: exit 2, saying it is a file; the file is untouched", async () => {
    const dir = await study();
    const before = snapshot(dir);
    const ran = await prepost(["synth", "west-kent", "--out", "ae.csv"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe("prepost: ae.csv: exists and is a file, not a folder: synth writes its extracts into a folder (give a folder's name)\n");
    expect(snapshot(dir)).toEqual(before);
  });

  it("synth refuses a folder holding its files unless given --force", async () => {
    const dir = await tempFolder();
    expect((await prepost(["synth", "population", "--patients", "5", "--activity-rows", "10", "--out", "."], dir)).code).toBe(0);
    writeFileSync(join(dir, "ae.csv"), "mine\n");
    const before = snapshot(dir);
    const refused = await prepost(["synth", "population", "--patients", "5", "--activity-rows", "10", "--out", "."], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already holds referrals.csv, ae.csv, admissions.csv, evaluation.json: synth never overwrites a file unless given --force");
    expect(snapshot(dir)).toEqual(before);
    expect((await prepost(["synth", "population", "--patients", "5", "--activity-rows", "10", "--out", ".", "--force"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "ae.csv"), "utf8")).toMatch(/^\S+,/);
  });
});
