import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { writeStreamAtomic } from "../../src/io/atomic-write.js";
import { tempFolder } from "../helpers/temp-files.js";

async function* lines(count: number, failAt?: number): AsyncGenerator<string> {
  for (let i = 1; i <= count; i++) {
    if (i === failAt) throw new Error("the source failed");
    yield `line ${i}\n`;
  }
}

describe("streamed output is written whole or not at all", () => {
  it("renames the finished file into place", async () => {
    const folder = await tempFolder();
    const target = join(folder, "out.txt");
    await writeStreamAtomic(target, (sink) => pipeline(Readable.from(lines(3)), sink));
    expect(await readFile(target, "utf8")).toBe("line 1\nline 2\nline 3\n");
    expect(await readdir(folder)).toEqual(["out.txt"]);
  });

  it("removes the temporary file and leaves the target as it was when writing fails", async () => {
    const folder = await tempFolder();
    const target = join(folder, "out.txt");
    await writeFile(target, "before\n");
    await expect(writeStreamAtomic(target, (sink) => pipeline(Readable.from(lines(1000, 500)), sink))).rejects.toThrow("the source failed");
    expect(await readFile(target, "utf8")).toBe("before\n");
    expect(await readdir(folder)).toEqual(["out.txt"]);
  });

  it("fails as bad input, naming the file, for a folder that does not exist, before anything is read", async () => {
    const target = join(await tempFolder(), "missing", "out.txt");
    let read = false;
    const refusal = writeStreamAtomic(target, (sink) => ((read = true), pipeline(Readable.from(lines(3)), sink)), { name: "missing/out.txt" });
    await expect(refusal).rejects.toMatchObject({ problems: [{ file: "missing/out.txt", message: "cannot write the output: no such folder" }] });
    expect(read).toBe(false);
  });
});
