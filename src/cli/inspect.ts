import { resolve } from "node:path";
import { Command, Option } from "commander";
import { InputError } from "../errors.js";
import type { InspectedFile, UnreadableFile } from "../inspect/report.js";
import type { Console } from "./console.js";

interface InspectFlags {
  format: "text" | "json";
  writeConfig?: string;
}

/** A file that could not be inspected is bad input: reported as every other, after the report of the rest. */
function unreadableError(files: readonly UnreadableFile[]): InputError {
  return new InputError(files.map(({ file, problem }) => ({ code: problem.code, file, line: problem.line, column: problem.column, message: problem.message })));
}

export function inspectCommand(console: Console): Command {
  return new Command("inspect")
    .description(
      "Look at extracts before a first run: encoding, delimiter, line ends, rows, what each column holds, which extract each file looks like and which rules its columns allow, and the problems already visible. Never prints an identifier or a person's value.",
    )
    .argument("<file...>", "CSV (or .csv.gz, .parquet) extracts to inspect")
    .addOption(new Option("--format <format>", "text (default) or json (docs/inspect.md)").choices(["text", "json"]).default("text"))
    .option("--write-config <file>", "also write a starting evaluation config (JSON) for these files; never overwrites a file")
    .action(async (files: string[], flags: InspectFlags) => {
      const { inspectFiles } = await import("../inspect/inspect-file.js");
      const { checkConfigTarget, writeStartingConfig } = await import("../inspect/write-config.js");
      if (flags.writeConfig !== undefined) await checkConfigTarget(flags.writeConfig, files);
      const report = await inspectFiles(files.map((file) => ({ path: resolve(file), file })));
      const unreadable = report.files.filter((file): file is UnreadableFile => !file.readable);
      const readable = report.files.flatMap((file, i) => (file.readable ? [{ path: files[i]!, report: file as InspectedFile }] : []));
      // Like every command, bad input writes no output file.
      if (flags.writeConfig !== undefined && unreadable.length === 0) {
        const { file, config, choices, leftOut } = await writeStartingConfig(flags.writeConfig, readable);
        report.writtenConfig = { file, config, choices, leftOut };
      }
      const { renderText, writtenConfigText } = await import("../inspect/render-text.js");
      const { renderJson } = await import("../inspect/render-json.js");
      if (flags.format === "json") console.out(renderJson(report));
      else console.out(renderText(report) + (report.writtenConfig ? `\n${writtenConfigText(report.writtenConfig)}` : ""));
      if (unreadable.length > 0) {
        if (flags.writeConfig !== undefined) console.err(`prepost: ${flags.writeConfig}: not written, as a file could not be inspected\n`);
        throw unreadableError(unreadable);
      }
    });
}
