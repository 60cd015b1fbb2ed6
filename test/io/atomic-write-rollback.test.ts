/**
 * Several outputs are all or none even when a rename is refused after an earlier one succeeded: the
 * file system is made to refuse the second rename (as a full or read-only disk, or a file made
 * immutable meanwhile, would), which a test cannot otherwise arrange as root.
 */
import * as fs from "node:fs/promises";
import { chmod, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { tempFolder } from "../helpers/temp-files.js";

const refuse = { renameOnto: undefined as string | undefined, access: undefined as string | undefined };

vi.mock("node:fs/promises", async (original) => {
  const real = await original<typeof import("node:fs/promises")>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (to === refuse.renameOnto) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: "EIO", syscall: "rename" });
      return real.rename(from, to);
    },
    access: async (path: string, mode?: number) => {
      if (path === refuse.access) throw Object.assign(new Error(`EACCES: permission denied, access '${path}'`), { code: "EACCES", syscall: "access" });
      return real.access(path, mode);
    },
  };
});

const { writeFilesAtomic } = await import("../../src/io/atomic-write.js");
const { InputError } = await import("../../src/errors.js");
const { WriteFailure } = await import("../../src/io/write-failure.js");

beforeEach(() => {
  refuse.renameOnto = undefined;
  refuse.access = undefined;
});

describe("a refused rename puts back every output already renamed", () => {
  it("restores the replaced file (bytes and mode), removes the new one, and leaves no temporary", async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, "a.json"), "old a\n");
    await chmod(join(folder, "a.json"), 0o600);
    refuse.renameOnto = join(folder, "c.csv");
    const error = await writeFilesAtomic([
      { path: join(folder, "a.json"), content: "new a\n", name: "a.json" },
      { path: join(folder, "b.md"), content: "new b\n", name: "b.md" },
      { path: join(folder, "c.csv"), content: "new c\n", name: "c.csv" },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteFailure);
    expect((error as Error).message).toBe("c.csv: could not write (EIO: i/o error): none of the outputs was written (existing files are as they were)");
    expect(await readFile(join(folder, "a.json"), "utf8")).toBe("old a\n");
    expect((await stat(join(folder, "a.json"))).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(["a.json"]);
  });

  it("writes them all when nothing is refused", async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, "a.json"), "old a\n");
    await writeFilesAtomic([
      { path: join(folder, "a.json"), content: "new a\n" },
      { path: join(folder, "b.md"), content: "new b\n" },
    ]);
    expect(await readFile(join(folder, "a.json"), "utf8")).toBe("new a\n");
    expect((await readdir(folder)).sort()).toEqual(["a.json", "b.md"]);
  });
});

describe("a folder that may not be written is bad input, found before anything is written", () => {
  it("says permission denied and writes none of the outputs", async () => {
    const folder = await tempFolder();
    const locked = join(folder, "locked");
    await fs.mkdir(locked);
    refuse.access = locked;
    const error = await writeFilesAtomic([
      { path: join(folder, "a.json"), content: "a\n", name: "a.json" },
      { path: join(locked, "b.md"), content: "b\n", name: "locked/b.md" },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InstanceType<typeof InputError>).problems[0]).toMatchObject({ file: "locked/b.md", message: "cannot write the output: permission denied" });
    expect((await readdir(folder)).sort()).toEqual(["locked"]);
  });
});
