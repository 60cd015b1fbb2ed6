import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeyHex } from "../../src/pseudonymise/key.js";
import { writeNewKeyFile } from "../../src/pseudonymise/keygen.js";
import { refusalOf } from "../helpers/refusal.js";
import { tempFolder } from "../helpers/temp-files.js";

describe("keygen: a new 256-bit key", () => {
  it("writes 64 lower-case hex digits and a newline", async () => {
    const keyFile = join(await tempFolder(), "project.key");
    await writeNewKeyFile(keyFile);
    const text = await readFile(keyFile, "ascii");
    expect(text).toMatch(/^[0-9a-f]{64}\n$/);
    expect(parseKeyHex(text, keyFile).byteLength).toBe(32);
  });

  it("writes a different key each time", async () => {
    const folder = await tempFolder();
    await writeNewKeyFile(join(folder, "a.key"));
    await writeNewKeyFile(join(folder, "b.key"));
    expect(await readFile(join(folder, "a.key"), "ascii")).not.toBe(await readFile(join(folder, "b.key"), "ascii"));
  });

  it.skipIf(process.platform === "win32")("makes the file readable and writable by its owner only (0600)", async () => {
    const keyFile = join(await tempFolder(), "project.key");
    await writeNewKeyFile(keyFile);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  });
});

describe("keygen never overwrites", () => {
  it("refuses an existing file and leaves it as it was", async () => {
    const keyFile = join(await tempFolder(), "project.key");
    await writeFile(keyFile, "the key in use\n");
    expect(await refusalOf(writeNewKeyFile(keyFile))).toMatch(/project\.key: a file of that name exists/);
    expect(await readFile(keyFile, "utf8")).toBe("the key in use\n");
  });

  it("reports a folder that does not exist", async () => {
    const keyFile = join(await tempFolder(), "no-such-folder", "project.key");
    expect(await refusalOf(writeNewKeyFile(keyFile))).toMatch(/no such folder/);
  });
});
