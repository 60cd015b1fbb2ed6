import { Command, InvalidArgumentError, Option } from "commander";
import { formatDataError, safeText } from "../errors.js";
import type { DateFormat } from "../extracts/dates.js";
import { KEY_ENVIRONMENT_VARIABLE, loadKey } from "../pseudonymise/key.js";
import type { PseudonymiseCsvRequest } from "../pseudonymise/pseudonymise-csv.js";
import type { OnInvalid, PseudonymiseReport } from "../pseudonymise/pseudonymise-rows.js";
import { type Console, outputSink } from "./console.js";

interface Flags {
  in: string;
  column: string;
  keyFile?: string;
  out?: string;
  as: string;
  onInvalid: OnInvalid;
  checkDates: string[];
  dateFormat: DateFormat;
}

function columnName(value: string): string {
  if (value.trim().length === 0) throw new InvalidArgumentError("a column name cannot be empty");
  return value.trim();
}

/** `--check-dates a,b` and `--check-dates a --check-dates b` both name two columns. */
function columnList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").map(columnName)];
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-GB")} ${noun}${count === 1 ? "" : "s"}`;
}

/** What happened, on standard error: standard output may be carrying the CSV. */
function reportLines(report: PseudonymiseReport, destination: string): string[] {
  const lines: string[] = [];
  for (const lookalike of report.lookalikes.found) {
    lines.push(
      `warning: column ${lookalike.column} holds ${plural(lookalike.count, "value")} that look like NHS numbers ` +
        `(first on line ${lookalike.firstLine}); they were passed through unchanged`,
    );
  }
  const problems = report.problems;
  if (problems.rows > 0) {
    lines.push(...problems.shown.map(formatDataError));
    if (problems.total > problems.shown.length) lines.push(`… and ${problems.total - problems.shown.length} more problems`);
    const reasons = [...problems.rowsByCode].map(([code, rows]) => `${code} ${rows}`).join(", ");
    lines.push(`dropped ${plural(problems.rows, "row")} of ${report.rowsRead.toLocaleString("en-GB")} (${reasons}), on line${problems.rows === 1 ? "" : "s"} ${problems.lines.toString()}`);
  }
  lines.push(`pseudonymised ${plural(report.rowsWritten, "row")} into ${destination}`);
  return lines;
}

export function pseudonymiseCommand(console: Console): Command {
  return new Command("pseudonymise")
    .description(
      "Replace the NHS number column of a CSV extract with a keyed pseudonym (HMAC-SHA256), the same on every side that holds the key.",
    )
    .requiredOption("--in <file>", "the CSV extract to read")
    .requiredOption("--column <name>", "the column holding NHS numbers (case and surrounding spaces ignored)", columnName)
    .option("--key-file <keyfile>", `the key, made by \`prepost keygen\` (or set ${KEY_ENVIRONMENT_VARIABLE} to the key's hex)`)
    .option("--out <file>", "the CSV to write, whole or not at all; a new file is made mode 0600, an existing one keeps its mode (default: standard output)")
    .option("--as <name>", "the pseudonym column's name", columnName, "patient_id")
    .addOption(new Option("--on-invalid <action>", "a row with an invalid NHS number or date: stop the run, or drop the row").choices(["stop", "drop"]).default("stop"))
    .option("--check-dates <columns>", "also check the dates in these columns (comma-separated)", columnList, [])
    .addOption(new Option("--date-format <format>", "how --check-dates columns write dates: YYYY-MM-DD, or DD/MM/YYYY").choices(["iso", "dmy"]).default("iso"))
    .action(async (flags: Flags) => {
      if (flags.out !== undefined) {
        // Before the key or a row is read: the output may be neither the extract nor the key, however spelled.
        const { checkOutput } = await import("../io/output-target.js");
        const inputs = [{ path: flags.in, name: flags.in, what: "the extract being pseudonymised" }];
        if (flags.keyFile !== undefined) inputs.push({ path: flags.keyFile, name: flags.keyFile, what: "the key file" });
        await checkOutput({ path: flags.out, name: flags.out }, inputs);
      }
      const { key, warnings } = await loadKey({ keyFile: flags.keyFile, environmentValue: process.env[KEY_ENVIRONMENT_VARIABLE] });
      for (const warning of warnings) console.err(`prepost: warning: ${safeText(warning)}\n`);
      const request: PseudonymiseCsvRequest = {
        input: flags.in,
        inputName: flags.in,
        key,
        column: flags.column,
        as: flags.as,
        checkDates: flags.checkDates,
        onInvalid: flags.onInvalid,
        dateFormat: flags.dateFormat,
      };
      const { pseudonymiseCsvToFile, pseudonymiseCsvToStream } = await import("../pseudonymise/pseudonymise-csv.js");
      const report =
        flags.out === undefined ? await pseudonymiseCsvToStream(request, outputSink(console)) : await pseudonymiseCsvToFile(request, flags.out);
      for (const line of reportLines(report, flags.out ?? "standard output")) console.err(`prepost: ${safeText(line)}\n`);
    });
}
