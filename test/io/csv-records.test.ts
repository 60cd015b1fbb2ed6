import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_OPTIONS, type CsvRow, readCsvRows, recordLines, trimInsideQuotes, visitCsv } from "../../src/io/csv-records.js";
import { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { fileIn, tempFolder } from "../helpers/temp-files.js";

const TRICKY = '\uFEFFid,note\r\n1,"a\r\nb"\r\n\r\n2,c\r\n,\r\n3,"x\ny\nz"\r\n4,d\r\n';

describe("line numbers, as a person counts them", () => {
  it("number a record by the line it starts on, past quoted new lines and blank lines", () => {
    const lineOf = recordLines();
    expect([["id"], ["1", "a\r\nb"], [""], ["2", "c"], ["", ""], ["3", "x\ny"]].map(lineOf)).toEqual([1, 2, 0, 5, 0, 7]);
  });
});

describe("readCsvRows: records pulled one at a time", () => {
  it("gives the same records and lines as visitCsv, header first", async () => {
    const path = await fileIn(await tempFolder(), "t.csv", TRICKY);
    const visited: CsvRow[] = [];
    await visitCsv(path, "t.csv", {
      header: (fields) => visited.push({ fields, line: 1 }),
      record: (fields, line) => visited.push({ fields, line }),
    });
    const pulled: CsvRow[] = [];
    for await (const row of readCsvRows(path, "t.csv")) pulled.push(row);
    expect(pulled).toEqual(visited);
    expect(pulled.map((row) => row.line)).toEqual([1, 2, 5, 7, 10]);
  });

  it("refuses an empty file", async () => {
    const path = await fileIn(await tempFolder(), "t.csv", "\n\n");
    await expect(async () => {
      for await (const row of readCsvRows(path, "t.csv")) void row;
    }).rejects.toThrow(/empty/);
  });

  it("reports malformed CSV with its line", async () => {
    const path = await fileIn(await tempFolder(), "t.csv", 'id,note\n1,"open\n');
    await expect(async () => {
      for await (const row of readCsvRows(path, "t.csv")) void row;
    }).rejects.toThrow(/malformed CSV/);
  });

  it("can be left early", async () => {
    const path = await fileIn(await tempFolder(), "t.csv", TRICKY);
    const rows = readCsvRows(path, "t.csv");
    const first = await rows.next();
    expect(first.value).toEqual({ fields: ["id", "note"], line: 1 });
    expect(await rows.return(undefined)).toEqual({ done: true, value: undefined });
  });
});

describe("every field's surrounding white space is trimmed, inside quotes too (evaluation.md, inputs)", () => {
  it("trims a quoted value's own spaces, tabs and new lines, and counts the new lines first", async () => {
    const path = await fileIn(await tempFolder(), "x.csv", 'a,b\n"p1 ","\tx\n"\n" ",""\np2, y \n');
    const rows: CsvRow[] = [];
    for await (const row of readCsvRows(path, "x.csv")) rows.push(row);
    expect(rows).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["p1", "x"], line: 2 },
      // `" ",""` is a record of empty fields once trimmed: not a row.
      { fields: ["p2", "y"], line: 5 },
    ]);
  });

  it("leaves white space inside a value alone", () => {
    const fields = [' "a b" ', "c\td", "e"];
    trimInsideQuotes(fields);
    expect(fields).toEqual(['"a b"', "c\td", "e"]);
  });
});

async function visited(path: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  await visitCsv(path, "x.csv", {
    header: (fields, line) => rows.push({ fields, line }),
    record: (fields, line) => rows.push({ fields, line }),
  });
  return rows;
}

/** What csv-parse with its own `trim` reads, trimmed inside quotes as every prepost reader does. */
function readWithCsvParseTrim(text: string): CsvRow[] {
  const lineOf = recordLines();
  const rows: CsvRow[] = [];
  for (const fields of parse(text, CSV_OPTIONS) as string[][]) {
    const line = lineOf(fields);
    if (line > 0) rows.push({ fields, line });
  }
  return rows;
}

describe("a file with no quotes is trimmed by prepost alone, to the same fields", () => {
  it("reads random quote-free text (spaces, tabs, CR, LF, form feeds, commas) into the fields csv-parse's trim gives", async () => {
    const random = new Xoshiro128StarStar([7, 11, 13, 17]);
    const alphabet = ["a", "7", "é", " ", " ", "\t", "\r", "\n", "\n", "\r\n", "\f", ",", ","];
    const folder = await tempFolder();
    for (let sample = 0; sample < 300; sample++) {
      const length = 1 + random.uniformInt(40);
      const header = ["id,x\n", "id,x\r\n", "id,x\r"][sample % 3];
      const text = header + Array.from({ length }, () => alphabet[random.uniformInt(alphabet.length)]).join("");
      const path = await fileIn(folder, `s${sample}.csv`, text);
      const fields = (rows: CsvRow[]) => rows.map((row) => row.fields);
      expect(fields(await visited(path)), JSON.stringify(text)).toEqual(fields(readWithCsvParseTrim(text)));
    }
  });

  it("counts a bare LF at a field's edge in a CRLF file as the line it is (csv-parse's trim hid it)", async () => {
    const path = await fileIn(await tempFolder(), "x.csv", "id,x\r\np1,\na\r\np2,b\r\n");
    expect(await visited(path)).toEqual([
      { fields: ["id", "x"], line: 1 },
      { fields: ["p1", "a"], line: 2 },
      { fields: ["p2", "b"], line: 4 },
    ]);
  });

  it("still reads padding around quotes when the only quote is past the first 64 KiB", async () => {
    const filler = "p0,x\n".repeat(20_000);
    const path = await fileIn(await tempFolder(), "x.csv", `id,v\n${filler} "p9" ,y\n`);
    const rows = await visited(path);
    expect(rows.at(-1)).toEqual({ fields: ["p9", "y"], line: 20_002 });
  });

  it("trims the five characters and no other: a no-break space stays, at either end", async () => {
    const path = await fileIn(await tempFolder(), "x.csv", "id,v\n\u00a0p1\t,p2\u00a0\f\n");
    expect((await visited(path))[1]!.fields).toEqual(["\u00a0p1", "p2\u00a0"]);
  });
});
