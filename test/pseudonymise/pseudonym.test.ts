import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { pseudonym } from "../../src/pseudonymise/pseudonym.js";
import { SecretKey } from "../../src/pseudonymise/secret-key.js";

const PUBLISHED_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const LONG_KEY = "5e".repeat(48);

const keyOf = (hex: string) => new SecretKey(Buffer.from(hex, "hex"));

describe("pseudonym: HMAC-SHA256 of the ten digits, keyed with the key's bytes", () => {
  // Expected values from Python's hmac, run once:
  //   python3 -c 'import hmac,hashlib;print(hmac.new(bytes.fromhex(KEY),b"NUMBER",hashlib.sha256).hexdigest())'
  // and, for the published vector, also `printf 9434765919 | openssl dgst -sha256 -mac HMAC -macopt hexkey:KEY`.
  it("matches an independent HMAC-SHA256 (the published test vector)", () => {
    expect(pseudonym(keyOf(PUBLISHED_KEY), "9434765919")).toBe("dd5c602eeb31d60c7c0d662c897231dda00e13cdf945b14cad185a4a7125826c");
  });

  it("matches it for other numbers", () => {
    expect(pseudonym(keyOf(PUBLISHED_KEY), "4010232137")).toBe("fe23268e07ee2f7905429b833e657b591adef6a4ec3b952ecf8ccdcbb015b8d2");
    expect(pseudonym(keyOf(PUBLISHED_KEY), "9434765900")).toBe("a9ec93cf5b44c44fdc0dbd29a17d9d3d5a27e55082e95c97ed213d0eb82addf8");
  });

  it("uses every byte of a key longer than 32 bytes", () => {
    expect(pseudonym(keyOf(LONG_KEY), "9434765919")).toBe("6af7b9218f33f8544a9571b64b199d0e3edd3a548a97a9fd35c935957d573809");
    expect(pseudonym(keyOf(LONG_KEY), "4010232137")).toBe("6006fdeb62f327733ab1cd16122b4c908dce16d7c2a9ad580f4bf0cf7b13b997");
  });
});

describe("the key is never shown", () => {
  it("prints, logs and serialises as a placeholder", () => {
    const key = keyOf(PUBLISHED_KEY);
    for (const shown of [String(key), `${key}`, JSON.stringify({ key }), inspect(key), inspect({ nested: { key } })]) {
      expect(shown).not.toContain("0001020304");
      expect(shown).toContain("not shown");
    }
  });

  it("keeps its own copy of the bytes", () => {
    const bytes = Buffer.from(PUBLISHED_KEY, "hex");
    const key = new SecretKey(bytes);
    bytes.fill(0);
    expect(pseudonym(key, "9434765919")).toBe("dd5c602eeb31d60c7c0d662c897231dda00e13cdf945b14cad185a4a7125826c");
  });
});
