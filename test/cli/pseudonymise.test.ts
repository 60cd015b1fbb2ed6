import { spawnSync } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/program.js";
import { captureConsole, csvLines, fileIn, tempFolder } from "../helpers/temp-files.js";

const KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
// HMAC-SHA256 under KEY, from Python's hmac (command in test/pseudonymise/pseudonym.test.ts).
const P_9992345675 = "4aa2fa64da4ad3f07060796d8efaae3bee0c3ff2ed99af3c6043be38cfc8cb92";
const P_9990123454 = "a03104a1399f04bfe63392eea3ff90709e09de2f6ff144400176d00b373aebaa";

const MAIN = fileURLToPath(new URL("../../dist/prepost.js", import.meta.url));

/** The extract both the in-process and the end-to-end tests read: one good row, then bad ones. */
const RAW_NUMBERS = ["999 234 5675", "9990123454", "9992345674", "999234567", "999 012 345 4"];
const EXTRACT = csvLines([
  "NHS Number,arrival_date,note",
  `${RAW_NUMBERS[0]},2021-03-04,"Smith, ""Jo"""`,
  `${RAW_NUMBERS[1]},2021-03-05,plain`,
  `${RAW_NUMBERS[2]},2021-03-06,check digit`,
  `${RAW_NUMBERS[3]},2021-03-07,nine digits`,
  `"${RAW_NUMBERS[4]}",2021-03-08,spaced`,
]);
/** Every way the numbers could leak: as written, as digits, and nine-digit runs of each. */
const LEAKS = RAW_NUMBERS.flatMap((number) => {
  const digits = number.replace(/\D/g, "");
  return [number, digits, digits.slice(0, 9), digits.slice(1)];
});

beforeEach(() => {
  vi.stubEnv("PREPOST_KEY", "");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("prepost pseudonymise, in process", () => {
  it("writes the output file and reports on standard error", async () => {
    const folder = await tempFolder();
    const input = await fileIn(folder, "in.csv", csvLines(["nhs_number,site", "9992345675,A"]));
    const keyFile = await fileIn(folder, "k.key", `${KEY}\n`);
    const console = captureConsole();
    const code = await run(["pseudonymise", "--in", input, "--column", "nhs_number", "--key-file", keyFile, "--out", join(folder, "out.csv")], console);
    expect(code).toBe(0);
    expect(await readFile(join(folder, "out.csv"), "utf8")).toBe(csvLines(["patient_id,site", `${P_9992345675},A`]));
    expect(console.stdout).toBe("");
    expect(console.stderr).toMatch(/pseudonymised 1 row into .*out\.csv/);
  });

  it("writes to standard output when --out is omitted, taking the key from PREPOST_KEY", async () => {
    vi.stubEnv("PREPOST_KEY", KEY);
    const folder = await tempFolder();
    const input = await fileIn(folder, "in.csv", csvLines(["nhs_number", "9992345675"]));
    const console = captureConsole();
    expect(await run(["pseudonymise", "--in", input, "--column", "nhs_number", "--as", "pid"], console)).toBe(0);
    expect(console.stdout).toBe(csvLines(["pid", P_9992345675]));
  });

  it("stops with exit status 2 on a short key, writing nothing", async () => {
    vi.stubEnv("PREPOST_KEY", KEY.slice(0, 40));
    const folder = await tempFolder();
    const input = await fileIn(folder, "in.csv", csvLines(["nhs_number", "9992345675"]));
    const console = captureConsole();
    expect(await run(["pseudonymise", "--in", input, "--column", "nhs_number", "--out", join(folder, "out.csv")], console)).toBe(2);
    expect(console.stderr).toMatch(/^prepost: PREPOST_KEY: the key is 20 bytes/);
    expect(console.stderr).not.toContain(KEY.slice(0, 16));
    expect(await readdir(folder)).toEqual(["in.csv"]);
  });

  it("refuses an unknown --on-invalid with exit status 2", async () => {
    const console = captureConsole();
    expect(await run(["pseudonymise", "--in", "x.csv", "--column", "n", "--on-invalid", "skip"], console)).toBe(2);
    expect(console.stderr).toMatch(/Allowed choices are stop, drop/);
  });

  it("reports a folder that does not exist for --out as bad input", async () => {
    const folder = await tempFolder();
    const input = await fileIn(folder, "in.csv", csvLines(["nhs_number", "9992345675"]));
    const keyFile = await fileIn(folder, "k.key", `${KEY}\n`);
    const console = captureConsole();
    const out = join(folder, "missing", "out.csv");
    expect(await run(["pseudonymise", "--in", input, "--column", "nhs_number", "--key-file", keyFile, "--out", out], console)).toBe(2);
    expect(console.stderr).toMatch(/out\.csv: cannot write the output: no such folder/);
  });
});

describe("prepost keygen, in process", () => {
  it("writes the key file and never prints the key", async () => {
    const keyFile = join(await tempFolder(), "k.key");
    const console = captureConsole();
    expect(await run(["keygen", "--out", keyFile], console)).toBe(0);
    const key = (await readFile(keyFile, "ascii")).trim();
    expect(console.stdout + console.stderr).not.toContain(key.slice(0, 8));
    expect(await run(["keygen", "--out", keyFile], captureConsole())).toBe(2);
    expect((await readFile(keyFile, "ascii")).trim()).toBe(key);
  });
});

describe("end to end: the built CLI in a temporary folder", () => {
  interface Ran {
    status: number | null;
    stdout: string;
    stderr: string;
  }

  function prepost(folder: string, args: string[], environment: Record<string, string> = {}): Ran {
    const env: NodeJS.ProcessEnv = { ...process.env, ...environment };
    if (!("PREPOST_KEY" in environment)) delete env["PREPOST_KEY"];
    const result = spawnSync(process.execPath, [MAIN, ...args], { cwd: folder, env, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Every file the runs left in the folder (bar the input and the keys) and everything they printed. */
  async function everything(folder: string, runs: Ran[]): Promise<string> {
    const texts = runs.flatMap((ran) => [ran.stdout, ran.stderr]);
    for (const name of await readdir(folder)) {
      if (name === "extract.csv" || name.endsWith(".key")) continue;
      texts.push(name, await readFile(join(folder, name), "utf8"));
    }
    return texts.join("\n");
  }

  it("never shows a raw NHS number or the key, whatever happens", { timeout: 60_000 }, async () => {
    const folder = await tempFolder();
    await fileIn(folder, "extract.csv", EXTRACT);
    await fileIn(folder, "published.key", `${KEY}\n`);
    const common = ["pseudonymise", "--in", "extract.csv", "--column", "nhs number"];
    const runs = {
      keygen: prepost(folder, ["keygen", "--out", "new.key"]),
      keygenAgain: prepost(folder, ["keygen", "--out", "new.key"]),
      stop: prepost(folder, [...common, "--key-file", "published.key", "--out", "stopped.csv"]),
      stopToStdout: prepost(folder, [...common, "--key-file", "published.key"]),
      drop: prepost(folder, [...common, "--key-file", "published.key", "--out", "dropped.csv", "--on-invalid", "drop", "--check-dates", "arrival_date"]),
      dropToStdout: prepost(folder, [...common, "--on-invalid", "drop"], { PREPOST_KEY: KEY }),
      newKey: prepost(folder, [...common, "--key-file", "new.key", "--out", "new-key.csv", "--on-invalid", "drop"]),
      shortKey: prepost(folder, [...common, "--out", "short.csv"], { PREPOST_KEY: KEY.slice(0, 62) }),
      notHex: prepost(folder, [...common, "--key-file", "extract.csv", "--out", "not-hex.csv"]),
      missingColumn: prepost(folder, ["pseudonymise", "--in", "extract.csv", "--column", "nhs_no", "--key-file", "published.key"]),
    };

    expect(runs.keygen.status).toBe(0);
    if (process.platform !== "win32") expect((await stat(join(folder, "new.key"))).mode & 0o777).toBe(0o600);
    expect(runs.keygenAgain.status).toBe(2);

    expect(runs.stop.status).toBe(2);
    expect(runs.stop.stderr).toMatch(/extract\.csv:4: NHS Number: .*\("\*\*\*\*\*\*\*\*74"\)/);
    expect(runs.stop.stderr).toMatch(/extract\.csv:5: NHS Number: .*\("\*\*\*\*\*\*\*67"\)/);
    expect(runs.stopToStdout.status).toBe(2);
    expect(runs.stopToStdout.stdout).toBe("");

    expect(runs.drop.status).toBe(0);
    const dropped = csvLines(["patient_id,arrival_date,note", `${P_9992345675},2021-03-04,"Smith, ""Jo"""`, `${P_9990123454},2021-03-05,plain`, `${P_9990123454},2021-03-08,spaced`]);
    expect(await readFile(join(folder, "dropped.csv"), "utf8")).toBe(dropped);
    expect(runs.drop.stderr).toMatch(/dropped 2 rows of 5 .* on lines 4-5/);
    expect(runs.dropToStdout.status).toBe(0);
    expect(runs.dropToStdout.stdout).toBe(dropped);

    expect(runs.newKey.status).toBe(0);
    expect(await readFile(join(folder, "new-key.csv"), "utf8")).not.toContain(P_9992345675);

    for (const refused of [runs.shortKey, runs.notHex, runs.missingColumn]) expect(refused.status).toBe(2);
    expect(runs.missingColumn.stderr).toMatch(/the columns found are: NHS Number, arrival_date, note/);

    const files = await readdir(folder);
    for (const never of ["stopped.csv", "short.csv", "not-hex.csv"]) expect(files).not.toContain(never);
    expect(files.filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const seen = await everything(folder, Object.values(runs));
    for (const leak of LEAKS) expect(seen).not.toContain(leak);
    const newKey = (await readFile(join(folder, "new.key"), "ascii")).trim();
    for (const key of [KEY, newKey]) expect(seen).not.toContain(key.slice(0, 16));
  });
});
