import { describe, expect, it } from "vitest";
import { configFileSchema } from "../../src/config/config-file.js";
import type { InspectedFile, SpecColumnMatch } from "../../src/inspect/report.js";
import { startingConfig } from "../../src/inspect/starting-config.js";

/** A report as `inspect` would give it, with only what the config reads. */
function report(file: string, looksLike: InspectedFile["extract"]["looksLike"], columns: SpecColumnMatch[], text: Partial<InspectedFile["text"]> = {}, dmy?: string): InspectedFile {
  return {
    file,
    readable: true,
    text: { container: "csv", encoding: "utf-8", bom: false, notUtf8Line: null, delimiter: ",", delimiterFromHeader: false, lineEnds: "LF", ...text },
    rows: 1,
    header: { line: 1, names: columns.flatMap((c) => (c.header ? [c.header] : [])) },
    columns: dmy
      ? [{ name: dmy, position: 1, kind: "date", filled: 1, missing: { empty: 0, NULL: 0, NA: 0, "N/A": 0 }, distinct: 1, nhsNumberLike: 0, date: { format: "dmy", iso: 0, dmy: 1, withTime: 0, earliestMonth: null, latestMonth: null, hesMissing: 0, notFitting: 0 } }]
      : [],
    extract: { looksLike, complete: true, columns },
    rules: [],
    problems: [],
  };
}

const found = (column: string, header: string, by: "default" | "well_known" = "default", required = true): SpecColumnMatch => ({ column, required, header, by });

describe("the starting config --write-config writes", () => {
  const referrals = report("in/referrals.csv", "referrals", [found("patient_id", "patient_id"), found("cohort", "cohort"), found("intervention_date", "Intervention_Date")], { delimiter: ";", delimiterFromHeader: true, notUtf8Line: 7, encoding: "windows-1252" }, "Intervention_Date");
  const ae = report("in/ae.csv", "ae", [found("patient_id", "PSEUDO_HESID", "well_known"), found("arrival_date", "ARRIVALDATE", "well_known"), found("attendance_category", "AEATTENDCAT", "well_known", false)]);

  it("names the files relative to the config, maps well-known names, and sets formats that differ", () => {
    const { config } = startingConfig([{ path: "/p/in/referrals.csv", report: referrals }, { path: "/p/in/ae.csv", report: ae }], "/p/conf", undefined);
    expect(config).toEqual({
      referrals: "../in/referrals.csv",
      ae: "../in/ae.csv",
      columns: { ae: { patient_id: "PSEUDO_HESID", arrival_date: "ARRIVALDATE", attendance_category: "AEATTENDCAT" } },
      formats: { referrals: { dateFormat: "dmy", delimiter: ";", encoding: "windows-1252" } },
      aeCoding: "hes",
    });
    expect(configFileSchema.safeParse(config).success).toBe(true);
  });

  it("lists each choice with its reason", () => {
    const { choices } = startingConfig([{ path: "/p/in/ae.csv", report: ae }], "/p", undefined);
    expect(choices).toEqual([
      'ae = "in/ae.csv": in/ae.csv looks like an A&E attendances extract',
      'columns.ae.patient_id = "PSEUDO_HESID": a well-known export name',
      'columns.ae.arrival_date = "ARRIVALDATE": a well-known export name',
      'columns.ae.attendance_category = "AEATTENDCAT": a well-known export name',
      'aeCoding = "hes": the category column is HES\'s AEATTENDCAT (2, a planned follow-up, is not counted)',
    ]);
  });

  it("takes the first file of each extract, and says which it left out", () => {
    const unknown = report("notes.csv", null, []);
    const { config, leftOut } = startingConfig([{ path: "/p/ae.csv", report: ae }, { path: "/p/ae2.csv", report: ae }, { path: "/p/notes.csv", report: unknown }], "/p", undefined);
    expect(config.ae).toBe("ae.csv");
    expect(leftOut).toEqual(["in/ae.csv: a second ae extract (the config takes one)", "notes.csv: fits none of the extracts"]);
  });

  it("names the shipped schema where it is near, and not across the whole file system", () => {
    const files = [{ path: "/home/me/project/ae.csv", report: ae }];
    expect(startingConfig(files, "/home/me/project", "/home/me/project/node_modules/prepost/schema/evaluation.schema.json").config.$schema).toBe("node_modules/prepost/schema/evaluation.schema.json");
    expect(startingConfig(files, "/home/me/project", "/usr/lib/node_modules/prepost/schema/evaluation.schema.json").config.$schema).toBeUndefined();
  });
});
