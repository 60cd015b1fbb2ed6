import { describe, expect, it } from "vitest";
import { type CsvRow, readCsvRows, recordLines, trimInsideQuotes, visitCsv } from "../../src/io/csv-records.js";
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
