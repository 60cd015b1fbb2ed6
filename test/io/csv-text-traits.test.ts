import { describe, expect, it } from "vitest";
import { csvTextTraits, csvTextTraitsNow } from "../../src/io/csv-text-traits.js";
import { isPlainHeader } from "../../src/io/duckdb-csv.js";
import { workspace } from "../helpers.js";

async function traitsOf(text: string | Uint8Array) {
  const ws = await workspace({ "x.csv": text });
  // On a worker thread (as the DuckDB engine runs it) and on this one: the same scan.
  const traits = await csvTextTraits(ws.path("x.csv"));
  expect(csvTextTraitsNow(ws.path("x.csv"))).toEqual(traits);
  return traits;
}

describe("what a CSV file holds that two CSV readers could read differently", () => {
  it("finds nothing in a plain file, CRLF and inner spaces included", async () => {
    expect(await traitsOf("\uFEFFa,b\r\np1,COHORT 1\r\n")).toEqual({ quotes: false, padding: false, utf8: true, unicodeSpaces: false, longLine: false });
  });

  it("finds a line longer than a field may be (1 MiB between two line ends), wherever the blocks fall", async () => {
    const limit = 2 ** 20;
    const line = (bytes: number) => "x".repeat(bytes);
    const cases: [string, boolean][] = [
      [`a\n${line(limit)}\n`, false],
      [`a\n${line(limit + 1)}\n`, true],
      [`a\n${line(limit + 1)}`, true],
      [line(limit + 1), true],
      [`${line(1000)}\r${line(limit)}\r\n${line(limit)}`, false],
      [`a\r\n${"x,".repeat(limit / 2 + 1)}\r\n`, true],
      [`${"ab,c\n".repeat(limit)}`, false],
      [`a\n${"y".repeat((1 << 16) - 3)}\n${line(limit + 7)}\nb\n`, true],
    ];
    for (const [text, long] of cases) expect((await traitsOf(text)).longLine, `${text.length} bytes`).toBe(long);
  });

  it("finds a character that JavaScript's trimEnd takes and prepost's trim does not: a vertical tab, or any byte beyond ASCII", async () => {
    for (const text of ["a,b\np1,x\v\n", "a,b\np1,x\u00a0\n", "a,b\np1,Zo\u00eb\n", "a,b\np1,x\u3000\n", "a,b\np1,\uFEFFx\n", "\uFEFF\uFEFFa,b\n"]) {
      expect((await traitsOf(text)).unicodeSpaces, JSON.stringify(text)).toBe(true);
    }
    // Beyond the first 64 KiB block too.
    expect((await traitsOf(`a,b\n${"x".repeat(1 << 17)}\u2009\n`)).unicodeSpaces).toBe(true);
    // A byte-order mark at the start is the header's, not a value's.
    expect((await traitsOf("\uFEFFa,b\np1,x\n")).unicodeSpaces).toBe(false);
  });

  it("finds quotes anywhere", async () => {
    expect((await traitsOf('a,b\np1,"x"\n')).quotes).toBe(true);
  });

  it("finds a space next to a comma or a line end, a tab, a form feed", async () => {
    for (const text of ["a,b\np1, x\n", "a,b\np1,x \n", "a,b\r\np1,x \r\n", " a,b\n", "a,b\np1,x\n ", "a,b\np1,\tx\n", "a,b\np1,x\f\n"]) {
      expect((await traitsOf(text)).padding, JSON.stringify(text)).toBe(true);
    }
  });

  it("looks across the edge between two blocks (of 64 KiB)", async () => {
    const block = 1 << 16;
    // The comma ends the first block, the space starts the second; then the other way round.
    const commaThenSpace = `a,b\n${"x".repeat(block - 5)}, y\n`;
    expect(commaThenSpace.indexOf(", ")).toBe(block - 1);
    expect((await traitsOf(commaThenSpace)).padding).toBe(true);
    const spaceThenComma = `a,b\n${"x".repeat(block - 5)} ,y\n`;
    expect(spaceThenComma.indexOf(" ,")).toBe(block - 1);
    expect((await traitsOf(spaceThenComma)).padding).toBe(true);
    const spaceThenLineEnd = `a,b\n${"x".repeat(block - 5)} \ny,z\n`;
    expect((await traitsOf(spaceThenLineEnd)).padding).toBe(true);
    expect(await traitsOf(`a,b\n${"x".repeat(block - 5)} y\n`)).toEqual({ quotes: false, padding: false, utf8: true, unicodeSpaces: false, longLine: false });
  });

  it("reports a file it cannot read", async () => {
    await expect(csvTextTraits("/nonexistent/x.csv")).rejects.toThrow();
  });
});

describe("a header DuckDB reads as csv-parse does", () => {
  it("is bare, every name quoted, or quoted only where needed", () => {
    expect(isPlainHeader("a,b", ["a", "b"])).toBe(true);
    expect(isPlainHeader('"a","b"', ["a", "b"])).toBe(true);
    expect(isPlainHeader('a,"b, c"', ["a", "b, c"])).toBe(true);
  });

  it("is not padded, nor oddly quoted", () => {
    expect(isPlainHeader('"a", "b"\t', ["a", "b"])).toBe(false);
    expect(isPlainHeader("a ,b", ["a", "b"])).toBe(false);
    expect(isPlainHeader('a,"b"', ["a", "b"])).toBe(false);
  });
});
