import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  type PseudonymiseCsvRequest,
  pseudonymiseCsvToFile,
  pseudonymiseCsvToStream,
} from "../../src/pseudonymise/pseudonymise-csv.js";
import { SecretKey } from "../../src/pseudonymise/secret-key.js";
import { refusalOf } from "../helpers/refusal.js";
import { csvLines, fileIn, tempFolder } from "../helpers/temp-files.js";

const KEY = new SecretKey(Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex"));
// HMAC-SHA256 under that key, from Python's hmac (command in pseudonym.test.ts).
const P_9992345675 = "4aa2fa64da4ad3f07060796d8efaae3bee0c3ff2ed99af3c6043be38cfc8cb92";
const P_9990123454 = "a03104a1399f04bfe63392eea3ff90709e09de2f6ff144400176d00b373aebaa";

interface Run {
  folder: string;
  output: string;
}

async function extract(text: string): Promise<Run & { input: string }> {
  const folder = await tempFolder();
  return { folder, input: await fileIn(folder, "extract.csv", text), output: join(folder, "out.csv") };
}

function request(input: string, settings: Partial<PseudonymiseCsvRequest> = {}): PseudonymiseCsvRequest {
  return {
    input,
    inputName: "extract.csv",
    key: KEY,
    column: "nhs_number",
    as: "patient_id",
    checkDates: [],
    onInvalid: "stop",
    dateFormat: "iso",
    ...settings,
  };
}

const rowsOf = (text: string): string[][] => parse(text, { relax_column_count: true }) as string[][];

describe("the NHS number column becomes the pseudonym, in the same position", () => {
  it("renames the column patient_id and holds the HMAC of the normalised number", async () => {
    const run = await extract(csvLines(["arrival_date,nhs_number,site", "2021-03-04,999 234 5675,A", "2021-03-05,999-012-3454,B"]));
    const report = await pseudonymiseCsvToFile(request(run.input), run.output);
    expect(await readFile(run.output, "utf8")).toBe(
      csvLines(["arrival_date,patient_id,site", `2021-03-04,${P_9992345675},A`, `2021-03-05,${P_9990123454},B`]),
    );
    expect(report.rowsRead).toBe(2);
    expect(report.rowsWritten).toBe(2);
  });

  it("gives the column the name asked for with --as", async () => {
    const run = await extract(csvLines(["nhs_number", "9992345675"]));
    await pseudonymiseCsvToFile(request(run.input, { as: "Der_Pseudo_NHS_Number" }), run.output);
    expect(await readFile(run.output, "utf8")).toBe(csvLines(["Der_Pseudo_NHS_Number", P_9992345675]));
  });

  it("writes the header alone for an extract with no rows", async () => {
    const run = await extract(csvLines(["nhs_number,site"]));
    await pseudonymiseCsvToFile(request(run.input), run.output);
    expect(await readFile(run.output, "utf8")).toBe(csvLines(["patient_id,site"]));
  });
});

describe("column lookup", () => {
  it("ignores case and surrounding white space", async () => {
    const run = await extract(csvLines([" NHS Number ,site", "9992345675,A"]));
    await pseudonymiseCsvToFile(request(run.input, { column: "nhs number" }), run.output);
    expect(rowsOf(await readFile(run.output, "utf8"))).toEqual([["patient_id", "site"], [P_9992345675, "A"]]);
  });

  it("names the columns found when the column is missing", async () => {
    const run = await extract(csvLines(["NHSNo,site", "9992345675,A"]));
    const message = await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output));
    expect(message).toBe("extract.csv:1: nhs_number: required column not found; the columns found are: NHSNo, site");
    expect(await readdir(run.folder)).toEqual(["extract.csv"]);
  });

  it("refuses two columns of the NHS number column's name, since one would pass through raw", async () => {
    const run = await extract(csvLines(["nhs_number,NHS_Number", "9992345675,9992345675"]));
    expect(await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output))).toMatch(/more than one column has this name/);
  });

  it("refuses an output with two columns of the pseudonym's name", async () => {
    const run = await extract(csvLines(["nhs_number,patient_id", "9992345675,P1"]));
    expect(await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output))).toMatch(/patient_id: .*choose another name with --as/);
  });
});

describe("other columns pass through unchanged, quoted where CSV needs it", () => {
  it("keeps commas, quotes and new lines inside fields", async () => {
    const run = await extract('nhs_number,note,empty\n9992345675,"Smith, ""Jo""","two\nlines",\n9990123454,plain,\n');
    await pseudonymiseCsvToFile(request(run.input), run.output);
    const text = await readFile(run.output, "utf8");
    expect(rowsOf(text)).toEqual([
      ["patient_id", "note", "empty"],
      [P_9992345675, 'Smith, "Jo"', "two\nlines", ""],
      [P_9990123454, "plain", ""],
    ]);
    expect(text).toContain('"Smith, ""Jo"""');
  });

  it("passes a short row through as it is, and keeps the extra fields of a long one", async () => {
    const run = await extract(csvLines(["nhs_number,a,b", "9992345675", "9990123454,1,2,3"]));
    await pseudonymiseCsvToFile(request(run.input), run.output);
    expect(rowsOf(await readFile(run.output, "utf8"))).toEqual([["patient_id", "a", "b"], [P_9992345675], [P_9990123454, "1", "2", "3"]]);
  });
});

describe("byte-order mark and CRLF input", () => {
  it("reads a BOM-prefixed, CRLF extract, keeping a CRLF inside a quoted field", async () => {
    const run = await extract(`\uFEFFnhs_number,note\r\n9992345675,"a\r\nb"\r\n\r\n9990123454,c\r\n`);
    await pseudonymiseCsvToFile(request(run.input), run.output);
    const text = await readFile(run.output, "utf8");
    expect(text.startsWith("patient_id,")).toBe(true);
    expect(rowsOf(text)).toEqual([["patient_id", "note"], [P_9992345675, "a\r\nb"], [P_9990123454, "c"]]);
  });

  it("counts lines as a person does, after a quoted CRLF and a blank line", async () => {
    const run = await extract(`\uFEFFnhs_number,note\r\n9992345675,"a\r\nb"\r\n\r\n9992345674,c\r\n`);
    expect(await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output))).toMatch(/^extract\.csv:5: /);
  });
});

describe("an invalid NHS number stops the run (the default)", () => {
  const bad = csvLines(["nhs_number,site", "9992345675,A", "9992345674,B", "999234567,C", "N/A,D", ",E"]);

  it("writes no output file, and leaves no temporary file behind", async () => {
    const run = await extract(bad);
    await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output));
    expect(await readdir(run.folder)).toEqual(["extract.csv"]);
  });

  it("leaves an existing output file as it was", async () => {
    const run = await extract(bad);
    await writeFile(run.output, "earlier output\n");
    await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output));
    expect(await readFile(run.output, "utf8")).toBe("earlier output\n");
  });

  it("reports every bad row with file:line, showing at most the last two digits", async () => {
    const run = await extract(bad);
    const message = await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output));
    expect(message.split("\n")).toEqual([
      'extract.csv:3: nhs_number: not an NHS number: the check digit does not match (Modulus 11) ("********74")',
      'extract.csv:4: nhs_number: not an NHS number: ten digits expected ("*******67")',
      'extract.csv:5: nhs_number: not an NHS number: holds characters other than digits, spaces and hyphens ("N/A")',
      "extract.csv:6: nhs_number: NHS number missing",
      "4 problems in all",
    ]);
    expect(message).not.toMatch(/999234567/);
  });

  it("shows the first 20 problems and counts the rest", async () => {
    const run = await extract(csvLines(["nhs_number", ...Array.from({ length: 25 }, () => "9992345674")]));
    const message = await refusalOf(pseudonymiseCsvToFile(request(run.input), run.output));
    expect(message.split("\n")).toHaveLength(21);
    expect(message).toMatch(/… and 5 more \(25 problems in all\)$/);
  });
});

describe("--on-invalid drop", () => {
  it("leaves out the bad rows, and reports how many and on which lines", async () => {
    const run = await extract(csvLines(["nhs_number,site", "9992345674,A", "9992345675,B", "x,C", "1234567890,D", "9990123454,E"]));
    const report = await pseudonymiseCsvToFile(request(run.input, { onInvalid: "drop" }), run.output);
    expect(rowsOf(await readFile(run.output, "utf8"))).toEqual([["patient_id", "site"], [P_9992345675, "B"], [P_9990123454, "E"]]);
    expect(report.rowsRead).toBe(5);
    expect(report.rowsWritten).toBe(2);
    expect(report.problems.rows).toBe(3);
    expect(report.problems.lines.toString()).toBe("2, 4-5");
    expect([...report.problems.rowsByCode]).toEqual([
      ["nhs_number_check_digit", 2],
      ["nhs_number_not_digits", 1],
    ]);
    expect(report.problems.shown.map((problem) => problem.value)).toEqual(["********74", "x", "********90"]);
  });
});

describe("optional date checking, with evaluate's date rules", () => {
  const dated = csvLines(["nhs_number,arrival_date,discharge", "9992345675,2021-02-28,", "9990123454,2021-02-30,1800-01-01"]);

  it("stops at a date that does not exist", async () => {
    const run = await extract(dated);
    const message = await refusalOf(pseudonymiseCsvToFile(request(run.input, { checkDates: ["Arrival_Date", "discharge"] }), run.output));
    expect(message.split("\n")[0]).toBe('extract.csv:3: arrival_date: not a real date written YYYY-MM-DD ("2021-02-30")');
  });

  it("lets an empty date and HES's missing-date code through", async () => {
    const run = await extract(dated);
    const report = await pseudonymiseCsvToFile(request(run.input, { checkDates: ["discharge"] }), run.output);
    expect(report.rowsWritten).toBe(2);
  });

  it("reads DD/MM/YYYY with --date-format dmy, and refuses ISO dates then", async () => {
    const run = await extract(csvLines(["nhs_number,arrival_date", "9992345675,28/02/2021 10:22", "9990123454,2021-02-28"]));
    const report = await pseudonymiseCsvToFile(
      request(run.input, { checkDates: ["arrival_date"], dateFormat: "dmy", onInvalid: "drop" }),
      run.output,
    );
    expect(report.problems.lines.toString()).toBe("3");
    expect(report.problems.shown[0]?.message).toBe("not a real date written D/M/YYYY");
  });

  it("names the columns found when a date column is missing", async () => {
    const run = await extract(dated);
    expect(await refusalOf(pseudonymiseCsvToFile(request(run.input, { checkDates: ["admission_date"] }), run.output))).toMatch(
      /admission_date: required column not found; the columns found are: nhs_number, arrival_date, discharge/,
    );
  });
});

describe("other columns that look like NHS numbers", () => {
  it("are counted per column, so that the run can warn", async () => {
    const run = await extract(csvLines(["nhs_number,alt_nhs,phone", "9992345675,999 234 5675,01234567890", "9990123454,9990123454,x"]));
    const report = await pseudonymiseCsvToFile(request(run.input), run.output);
    expect(report.lookalikes.found).toEqual([{ column: "alt_nhs", count: 2, firstLine: 2 }]);
  });
});

describe("output to a stream (standard output)", () => {
  function collector(): Writable & { text: string } {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        sink.text += chunk.toString();
        done();
      },
    }) as Writable & { text: string };
    sink.text = "";
    return sink;
  }

  it("writes the pseudonymised CSV", async () => {
    const run = await extract(csvLines(["nhs_number", "9992345675"]));
    const sink = collector();
    await pseudonymiseCsvToStream(request(run.input), sink);
    expect(sink.text).toBe(csvLines(["patient_id", P_9992345675]));
  });

  it("writes nothing at all when a row is bad, however late in the file", async () => {
    const run = await extract(csvLines(["nhs_number", ...Array.from({ length: 500 }, () => "9992345675"), "9992345674"]));
    const sink = collector();
    expect(await refusalOf(pseudonymiseCsvToStream(request(run.input), sink))).toMatch(/^extract\.csv:502: /);
    expect(sink.text).toBe("");
  });
});
