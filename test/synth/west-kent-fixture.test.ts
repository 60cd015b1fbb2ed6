import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { DEFAULT_SEED } from "../../src/synth/west-kent.js";
import { writeWestKent } from "../../src/synth/west-kent-files.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "west-kent");
let outDir = "";

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function sha256(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

describe("fixtures/west-kent", () => {
  test("is what `prepost synth west-kent` writes from the default seed, byte for byte", async () => {
    outDir = await mkdtemp(join(tmpdir(), "prepost-west-kent-"));
    const written = await writeWestKent(outDir, DEFAULT_SEED);
    expect(written.map((w) => w.file)).toEqual(["referrals.csv", "ae.csv", "admissions.csv", "comparison.csv", "evaluation.json", "published.json"]);
    for (const { file } of written) {
      expect({ file, sha256: await sha256(join(outDir, file)) }).toEqual({ file, sha256: await sha256(join(FIXTURE, file)) });
    }
  });

  test("uses LF line ends and ISO dates only", async () => {
    const text = await readFile(join(FIXTURE, "referrals.csv"), "utf8");
    expect(text.includes("\r")).toBe(false);
    const dates = text.split("\n").slice(1, -1).map((line) => line.split(",")[2]);
    expect(dates.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date ?? ""))).toBe(true);
  });
});
