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
  // and, for the published vector, also `printf 9992345675 | openssl dgst -sha256 -mac HMAC -macopt hexkey:KEY`.
  it("matches an independent HMAC-SHA256 (the published test vector)", () => {
    expect(pseudonym(keyOf(PUBLISHED_KEY), "9992345675")).toBe("4aa2fa64da4ad3f07060796d8efaae3bee0c3ff2ed99af3c6043be38cfc8cb92");
  });

  it("matches it for other numbers", () => {
    expect(pseudonym(keyOf(PUBLISHED_KEY), "9990123454")).toBe("a03104a1399f04bfe63392eea3ff90709e09de2f6ff144400176d00b373aebaa");
    expect(pseudonym(keyOf(PUBLISHED_KEY), "9993456780")).toBe("bc9951fd83545d54c9a590056dee5e8b982442186b32830f56f2697d85ad6999");
  });

  it("uses every byte of a key longer than 32 bytes", () => {
    expect(pseudonym(keyOf(LONG_KEY), "9992345675")).toBe("b7d22310b92adae2fe1ba2d7ac8ba1ac73d1a359a53bb8975fb18c9415ec3137");
    expect(pseudonym(keyOf(LONG_KEY), "9990123454")).toBe("d0bf4a246d2cbc0fb5d3a9d99db150f5209cf378a94951f8eeb246aad2976c1f");
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
    expect(pseudonym(key, "9992345675")).toBe("4aa2fa64da4ad3f07060796d8efaae3bee0c3ff2ed99af3c6043be38cfc8cb92");
  });
});
