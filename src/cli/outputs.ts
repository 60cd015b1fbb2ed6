import { InputError } from "../errors.js";
import type { PatientTable } from "../patient-rows.js";
import type { PublishedResult } from "../result.js";
import { FORMAT_NAMES, type FormatName, formatForFile, KNOWN_EXTENSIONS, PATIENTS_FORMAT, rendererFor } from "../render/formats.js";

/** Where one rendering goes: a file, or standard output where `path` is undefined. */
export interface OutputPlan {
  format: FormatName;
  path?: string;
}

function usage(message: string): InputError {
  return new InputError([{ code: "usage", file: "--out", line: 0, column: "", message }]);
}

/**
 * The outputs of a run: `--format` for every output if given; else each `--out` file's format
 * from its extension; with no `--out`, standard output in `--format` (default table).
 */
export function planOutputs(format: FormatName | undefined, outs: readonly string[]): OutputPlan[] {
  if (outs.length === 0) return [{ format: format ?? "table" }];
  const seen = new Set<string>();
  return outs.map((path) => {
    if (seen.has(path)) throw usage(`${path} is given twice; give each output file once`);
    seen.add(path);
    const inferred = format ?? formatForFile(path);
    if (!inferred) {
      throw usage(
        `cannot tell the format of ${path} from its extension (known: ${KNOWN_EXTENSIONS.join(" ")}); give --format ${FORMAT_NAMES.join("|")}`,
      );
    }
    return { format: inferred, path };
  });
}

/** Every output rendered, each from the result, or the per-patient table from the patients. */
export async function renderOutputs(outputs: readonly OutputPlan[], evaluated: { result: PublishedResult; patients?: PatientTable }): Promise<{ path?: string; content: string }[]> {
  return Promise.all(
    outputs.map(async ({ format, path }) => {
      if (format !== PATIENTS_FORMAT) return { path, content: (await rendererFor(format))(evaluated.result) };
      const { renderPatientsCsv } = await import("../render/patients-csv.js");
      if (!evaluated.patients) throw new Error("renderOutputs: the per-patient table was not evaluated");
      return { path, content: renderPatientsCsv(evaluated.patients) };
    }),
  );
}

/** What standard error says of a per-patient output, which nothing suppresses. */
export function patientLevelWarning(path: string | undefined): string {
  const where = path ?? "standard output";
  return `prepost: warning: ${where} has patient-level data (a row per patient, with their own counts; never suppressed): keep it where the extracts are kept, and do not publish it\n`;
}
