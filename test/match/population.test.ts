import { describe, expect, it } from "vitest";
import { dayFromCivil } from "../../src/core/day.js";
import { NEVER, REGISTERED_SINCE_EVER } from "../../src/extracts/population.js";
import { csv } from "../helpers.js";
import { populationProblems, readPopulationText } from "./population-helpers.js";

describe("matching.md, the population extract: one row per person, a column per variable", () => {
  it("reads every column, as given or not given", async () => {
    const { population, rows } = await readPopulationText(csv`
      patient_id,sex,birth_year,imd_decile,practice,ltc_count,registered_from,registered_to,died
      a, F ,1950,3,G1,2,2015-04-01,,
      b,m,1987,,g1,0,,2022-01-31,2023-05-06
      c,M,2001,10,,1,,,
    `);
    expect(rows).toBe(3);
    expect(population.patientIds).toEqual(["a", "b", "c"]);
    expect([...population.lines]).toEqual([2, 3, 4]);
    // Sex codes compared trimmed and in any case: m and M are one code, shown as first written.
    expect(population.sexCodes).toEqual(["F", "m"]);
    expect([...population.sex]).toEqual([0, 1, 1]);
    expect([...population.birthYear]).toEqual([1950, 1987, 2001]);
    expect([...population.imdDecile]).toEqual([3, 0, 10]);
    // Practice codes are compared as sex codes are.
    expect(population.practiceCodes).toEqual(["G1"]);
    expect([...population.practice]).toEqual([0, 0, -1]);
    expect([...population.ltcCount]).toEqual([2, 0, 1]);
    expect([...population.registeredFrom]).toEqual([dayFromCivil(2015, 4, 1), REGISTERED_SINCE_EVER, REGISTERED_SINCE_EVER]);
    expect([...population.registeredTo]).toEqual([NEVER, dayFromCivil(2022, 1, 31), NEVER]);
    expect([...population.died]).toEqual([NEVER, dayFromCivil(2023, 5, 6), NEVER]);
    expect(population.has).toEqual({ imdDecile: true, practice: "practice", ltcCount: true });
    expect(population.indexOf.get("b")).toBe(1);
  });

  it("needs only patient_id, sex and birth_year; the others are not matched on where absent", async () => {
    const { population } = await readPopulationText("patient_id,sex,birth_year\na,F,1950\n");
    expect(population.has).toEqual({ imdDecile: false, practice: null, ltcCount: false });
    expect([...population.ltcCount]).toEqual([-1]);
  });

  it("takes the birth year from birth_date, in any date format of evaluation.md, where birth_year is absent", async () => {
    const { population, reading } = await readPopulationText("patient_id,sex,birth_date\na,F,31/12/1950\nb,M,1/1/2001 00:00\n");
    expect([...population.birthYear]).toEqual([1950, 2001]);
    expect(reading.dateFormats).toEqual({ birth_date: "dmy" });
  });

  it("reads birth_year where both are there, and says birth_date was not read", async () => {
    const { population, reading } = await readPopulationText("patient_id,sex,birth_year,birth_date\na,F,1950,not a date\n");
    expect([...population.birthYear]).toEqual([1950]);
    expect(reading.columns.birth_date).toBeNull();
  });

  it("takes the PCN where there is no practice column", async () => {
    const { population } = await readPopulationText("patient_id,sex,birth_year,pcn\na,F,1950,U123\nb,F,1951,u123\n");
    expect(population.has.practice).toBe("pcn");
    expect(population.practiceCodes).toEqual(["U123"]);
  });

  it("reads the columns a config maps, and the generic export names, naming the one so taken", async () => {
    const { population, reading } = await readPopulationText("Pseudo,Gender,Year_Of_Birth,Date_Of_Death\na,F,1950,2022-03-04\n", { columns: { patient_id: "Pseudo" } });
    expect(population.patientIds).toEqual(["a"]);
    expect([...population.died]).toEqual([dayFromCivil(2022, 3, 4)]);
    expect(reading.columns.sex).toEqual({ header: "Gender", by: "well_known_name" });
    expect(reading.columns.patient_id).toEqual({ header: "Pseudo", by: "mapping" });
  });

  it("reads NULL, NA and N/A as missing: an unknown decile, a date not given", async () => {
    const { population } = await readPopulationText("patient_id,sex,birth_year,imd_decile,died\na,F,1950,NULL,N/A\n");
    expect([...population.imdDecile]).toEqual([0]);
    expect([...population.died]).toEqual([NEVER]);
  });

  it("reads a HES missing-date placeholder as a date not given (1800-01-01 is no one's death)", async () => {
    const { population } = await readPopulationText("patient_id,sex,birth_year,registered_from,died\na,F,1950,1800-01-01,1801-01-01\n");
    expect([...population.registeredFrom]).toEqual([REGISTERED_SINCE_EVER]);
    expect([...population.died]).toEqual([NEVER]);
  });
});

describe("matching.md, the population extract: bad input is reported as file:line: column: what is wrong (value)", () => {
  it("names a missing required column and the columns found", async () => {
    expect(await populationProblems("patient_id,birth_year\na,1950\n")).toBe(
      `population.csv:1: sex: required column not found; the columns found are: patient_id, birth_year; map it in the config with "columns": { "population": { "sex": "…" } }`,
    );
  });

  it("says birth_date would do for a missing birth_year", async () => {
    expect(await populationProblems("patient_id,sex\na,F\n")).toBe(
      `population.csv:1: birth_year: required column not found (nor birth_date, which would do); the columns found are: patient_id, sex; map it in the config with "columns": { "population": { "birth_year": "…" } }`,
    );
  });

  it("needs a practice or PCN column where a setting matches on it", async () => {
    expect(await populationProblems("patient_id,sex,birth_year\na,F,1950\n", { needed: { practice: "--match-exact practice" } })).toBe(
      `population.csv:1: practice: not found (nor pcn, which would do), but --match-exact practice needs it; the columns found are: patient_id, sex, birth_year; map it in the config with "columns": { "population": { "practice": "…" } }, or turn that setting off`,
    );
  });

  it("reports each bad value of a row with its line and column", async () => {
    const problems = await populationProblems(csv`
      patient_id,sex,birth_year,imd_decile,ltc_count,registered_from,registered_to,died
      a,,50,11,-1,2021-02-30,,2021-03-04x
      b,F,1950,0,,,,
    `);
    expect(problems.split("\n")).toEqual([
      'population.csv:2: sex: is empty: every row needs a sex ("")',
      'population.csv:2: birth_year: is not a year of birth (four digits) ("50")',
      'population.csv:2: imd_decile: is not a deprivation decile (a whole number from 1 to 10) ("11")',
      'population.csv:2: ltc_count: is not a whole number (0 or more) ("-1")',
      'population.csv:2: registered_from: is not a day that exists ("2021-02-30")',
      'population.csv:2: died: is a date followed by something that is not a time of day ("2021-03-04x")',
      'population.csv:3: imd_decile: is not a deprivation decile (a whole number from 1 to 10) ("0")',
      'population.csv:3: ltc_count: is empty: where the extract has ltc_count, every person needs one (0 for none) ("")',
      "8 problems in all",
    ]);
  });

  it("holds each date column to the format its first date decided (or the one the settings give)", async () => {
    const text = "patient_id,sex,birth_year,died\na,F,1950,2021-03-04\nb,F,1950,4/3/2021\n";
    expect(await populationProblems(text)).toBe(
      'population.csv:3: died: is written D/M/YYYY, but dates here are read YYYY-MM-DD (this column\'s format, decided by its first date, on line 2) ("4/3/2021")',
    );
    expect(await populationProblems("patient_id,sex,birth_year,died\nb,F,1950,4/3/2021\n", { dateFormat: "iso" })).toBe(
      'population.csv:2: died: is written D/M/YYYY, but dates here are read YYYY-MM-DD ("4/3/2021")',
    );
  });

  it("refuses a registration that ends before it starts", async () => {
    expect(await populationProblems("patient_id,sex,birth_year,registered_from,registered_to\na,F,1950,2021-03-01,2021-02-28\n")).toBe(
      'population.csv:2: registered_to: is before registered_from (2021-03-01) ("2021-02-28")',
    );
  });

  it("refuses a person listed twice, naming both lines, even with --skip-invalid", async () => {
    const text = "patient_id,sex,birth_year\na,F,1950\nb,M,1960\na,F,1950\n";
    expect(await populationProblems(text)).toBe('population.csv:4: patient_id: is listed twice, on lines 2 and 4 ("a")');
    expect(await populationProblems(text, { skipInvalid: true })).toBe('population.csv:4: patient_id: is listed twice, on lines 2 and 4 ("a")');
  });

  it("with --skip-invalid, skips a bad row and remembers whose it was", async () => {
    const read = await readPopulationText("patient_id,sex,birth_year\na,F,19x0\nb,M,1960\n", { skipInvalid: true });
    expect(read.population.patientIds).toEqual(["b"]);
    expect([...read.withInvalidRow]).toEqual(["a"]);
  });
});
