import { InputError } from "../errors.js";
import { FORMAT_NAMES, type FormatName, formatForFile, KNOWN_EXTENSIONS } from "../render/formats.js";

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
