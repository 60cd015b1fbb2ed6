import { chmod } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatInputError, InputError } from "../../src/errors.js";
import { loadKey, parseKeyHex } from "../../src/pseudonymise/key.js";
import { pseudonym } from "../../src/pseudonymise/pseudonym.js";
import { refusalOf } from "../helpers/refusal.js";
import { fileIn, tempFolder } from "../helpers/temp-files.js";

const KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
// The published test vector (see pseudonym.test.ts for the command that computed it).
const PSEUDONYM_9992345675 = "4aa2fa64da4ad3f07060796d8efaae3bee0c3ff2ed99af3c6043be38cfc8cb92";

/** The message a run would print for the key problem, checked never to hold the key's text. */
function refusal(attempt: () => unknown, secret: string): string {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = formatInputError(error as InputError);
    if (secret.length > 0) expect(message).not.toContain(secret);
    return message;
  }
  throw new Error("the key was accepted");
}

describe("key validation: 32 bytes or more, written in hex", () => {
  it("reads the bytes the hex spells, ignoring the key file's newline and the case of the hex", () => {
    for (const text of [KEY, `${KEY}\n`, `  ${KEY}\r\n`, KEY.toUpperCase()]) {
      expect(pseudonym(parseKeyHex(text, "k.key"), "9992345675")).toBe(PSEUDONYM_9992345675);
    }
  });

  it("refuses text that is not hex, without showing it", () => {
    const notHex = `${KEY.slice(0, 60)}zz11`;
    expect(refusal(() => parseKeyHex(notHex, "k.key"), notHex.slice(0, 20))).toMatch(/hexadecimal/);
    const base64 = Buffer.from(KEY, "hex").toString("base64");
    expect(refusal(() => parseKeyHex(base64, "k.key"), base64.slice(0, 20))).toMatch(/hexadecimal/);
  });

  it("refuses an odd number of hex digits", () => {
    expect(refusal(() => parseKeyHex(`${KEY}a`, "k.key"), KEY.slice(0, 20))).toMatch(/odd number/);
  });

  it("refuses a key shorter than 32 bytes", () => {
    const short = KEY.slice(0, 62);
    expect(refusal(() => parseKeyHex(short, "k.key"), short.slice(0, 20))).toMatch(/31 bytes; at least 32/);
  });

  it("refuses an empty key", () => {
    expect(refusal(() => parseKeyHex(" \n", "k.key"), "")).toMatch(/empty/);
  });
});

describe("where the key comes from: --key-file or PREPOST_KEY, exactly one", () => {
  it("reads a key file", async () => {
    const folder = await tempFolder();
    const keyFile = await fileIn(folder, "k.key", `${KEY}\n`);
    await chmod(keyFile, 0o600);
    const { key, warnings } = await loadKey({ keyFile });
    expect(pseudonym(key, "9992345675")).toBe(PSEUDONYM_9992345675);
    expect(warnings).toEqual([]);
  });

  it("reads PREPOST_KEY", async () => {
    const { key } = await loadKey({ environmentValue: KEY });
    expect(pseudonym(key, "9992345675")).toBe(PSEUDONYM_9992345675);
  });

  it("refuses a short key in PREPOST_KEY, naming the variable", async () => {
    const message = await refusalOf(loadKey({ environmentValue: KEY.slice(0, 32) }));
    expect(message).toMatch(/^PREPOST_KEY: .*16 bytes/);
    expect(message).not.toContain(KEY.slice(0, 32));
  });

  it("refuses both at once rather than choosing one", async () => {
    const folder = await tempFolder();
    const keyFile = await fileIn(folder, "k.key", `${KEY}\n`);
    expect(await refusalOf(loadKey({ keyFile, environmentValue: KEY }))).toMatch(/both by --key-file and by PREPOST_KEY/);
  });

  it("refuses neither, and counts an empty PREPOST_KEY as not set", async () => {
    expect(await refusalOf(loadKey({}))).toMatch(/no key/);
    expect(await refusalOf(loadKey({ environmentValue: "" }))).toMatch(/no key/);
  });

  it("reports a key file that cannot be read", async () => {
    const folder = await tempFolder();
    expect(await refusalOf(loadKey({ keyFile: join(folder, "absent.key") }))).toMatch(/absent\.key: cannot read the key: no such file/);
    expect(await refusalOf(loadKey({ keyFile: folder }))).toMatch(/is a folder/);
  });

  it("refuses a large file given as the key, without reading it out", async () => {
    const folder = await tempFolder();
    const extract = await fileIn(folder, "extract.csv", `nhs_number\n${"9992345675\n".repeat(1000)}`);
    const message = await refusalOf(loadKey({ keyFile: extract }));
    expect(message).toMatch(/not a key file/);
    expect(message).not.toMatch(/9992345675|999234/);
  });

  it.skipIf(process.platform === "win32")("warns when others can read the key file", async () => {
    const folder = await tempFolder();
    const keyFile = await fileIn(folder, "k.key", `${KEY}\n`);
    await chmod(keyFile, 0o644);
    const { warnings } = await loadKey({ keyFile });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/mode 0644.*chmod 600/);
    expect(warnings[0]).not.toContain(KEY.slice(0, 16));
  });
});
