import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_SEED } from "../../src/synth/west-kent.js";
import { type WrittenFile, writeWestKent } from "../../src/synth/west-kent-files.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "west-kent");
let outDir = "";
let written: WrittenFile[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "prepost-west-kent-"));
  written = await writeWestKent(outDir, DEFAULT_SEED);
});
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("fixtures/west-kent", () => {
  test("is what `prepost synth west-kent` writes from the default seed, byte for byte", async () => {
    expect(written.map((w) => w.file)).toEqual([
      "referrals.csv",
      "ae.csv",
      "admissions.csv",
      "comparison.csv",
      "outpatients.csv",
      "gp-appointments.csv",
      "population.csv",
      "evaluation.json",
      "published.json",
    ]);
    for (const { file } of written) {
      expect({ file, sha256: sha256(await readFile(join(outDir, file))) }).toEqual({ file, sha256: sha256(await readFile(join(FIXTURE, file))) });
    }
  });

  test("uses LF line ends and ISO dates only", async () => {
    const text = await readFile(join(FIXTURE, "referrals.csv"), "utf8");
    expect(text.includes("\r")).toBe(false);
    const dates = text.split("\n").slice(1, -1).map((line) => line.split(",")[2]);
    expect(dates.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date ?? ""))).toBe(true);
  });
});

/**
 * The extracts whose evaluation gives the published counts, as the generator wrote them before the
 * outcomes of issue 16 were added: SHA-256 of fixtures/west-kent/*.csv at commit 25fa353 (`git show
 * 25fa353:fixtures/west-kent/ae.csv | sha256sum`), typed from that output, not from the generator.
 */
const BEFORE_NEW_OUTCOMES = {
  "referrals.csv": "02717aed244d3b6fd3c0a9ead297d583495f34b71e97a400af23b11db1e125c2",
  "ae.csv": "72f850e6a0dacaeef1e0e6dc4912e2899dc88524f9770f09fe5d380bb81bc8db",
  "admissions.csv": "77bf307b6130b4f40593238b6f8f19e9e47881b7df10ff45697e68b5e86defe5",
  "comparison.csv": "c10d90abaf5e158798d7ee50b2e20201ce10e07e2876672a4b7eeb25e51e6b78",
};

/** The file without its last column: no field of these extracts holds a comma or a quote. */
function withoutLastColumn(text: string): string {
  return text.replace(/,[^,\n]*$/gm, "");
}

describe("the new outcomes move none of the published counts", () => {
  test("admissions.csv adds discharge_date as its last column, and nothing else", async () => {
    for (const dir of [outDir, FIXTURE]) {
      const header = (await readFile(join(dir, "admissions.csv"), "utf8")).split("\n", 1)[0];
      expect(header).toBe("patient_id,admission_date,admission_method,discharge_date");
    }
  });

  test.each(Object.entries(BEFORE_NEW_OUTCOMES))("%s: the columns it had are byte for byte as they were, rows in the same order", async (file, before) => {
    for (const dir of [outDir, FIXTURE]) {
      const text = await readFile(join(dir, file), "utf8");
      expect(sha256(file === "admissions.csv" ? withoutLastColumn(text) : text), dir).toBe(before);
    }
  });
});
