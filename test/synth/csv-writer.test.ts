import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCsvFile, writeCsvLines } from "../../src/synth/csv-writer.js";
import { tempFolder } from "../helpers/temp-files.js";

/** Rows enough to fill several of the writer's chunks before `failAt`, where the source fails. */
function* records(count: number, failAt?: number): Generator<string[]> {
  for (let i = 1; i <= count; i++) {
    if (i === failAt) throw new Error("the generator failed");
    yield [`p${i}`, "2021-03-04"];
  }
}

describe("synth CSV files", () => {
  it("quote a field only where CSV needs it, end lines LF, and count the records", async () => {
    const path = join(await tempFolder(), "out.csv");
    const rows = await writeCsvFile(path, ["patient_id", "note"], [["p1", "plain"], ["p2", 'a "quoted", word'], ["p3", "two\nlines"]]);
    expect(await readFile(path, "utf8")).toBe('patient_id,note\np1,plain\np2,"a ""quoted"", word"\np3,"two\nlines"\n');
    expect(rows).toBe(3);
  });

  it("hold the header alone when there are no records", async () => {
    const path = join(await tempFolder(), "out.csv");
    expect(await writeCsvLines(path, ["patient_id", "arrival_date"], [])).toBe(0);
    expect(await readFile(path, "utf8")).toBe("patient_id,arrival_date\n");
  });

  it("are whole however many chunks they take", async () => {
    const path = join(await tempFolder(), "out.csv");
    // 20,000 lines of about 16 characters: several of the writer's 64 KiB chunks.
    expect(await writeCsvFile(path, ["patient_id", "arrival_date"], records(20_000))).toBe(20_000);
    const lines = (await readFile(path, "utf8")).split("\n");
    expect(lines).toHaveLength(20_002);
    expect(lines.slice(0, 2)).toEqual(["patient_id,arrival_date", "p1,2021-03-04"]);
    expect(lines.slice(-2)).toEqual(["p20000,2021-03-04", ""]);
  });
});

describe("a synth CSV file is written whole or not at all", () => {
  it("leaves no file, and no temporary one, when the rows fail part way", async () => {
    const folder = await tempFolder();
    await expect(writeCsvFile(join(folder, "out.csv"), ["patient_id", "arrival_date"], records(20_000, 15_000))).rejects.toThrow("the generator failed");
    expect(await readdir(folder)).toEqual([]);
  });

  it("leaves an existing file as it was", async () => {
    const folder = await tempFolder();
    const path = join(folder, "out.csv");
    await writeFile(path, "before\n");
    await expect(writeCsvFile(path, ["patient_id", "arrival_date"], records(20_000, 15_000))).rejects.toThrow("the generator failed");
    expect(await readFile(path, "utf8")).toBe("before\n");
    expect(await readdir(folder)).toEqual(["out.csv"]);
  });
});
