import { Command, CommanderError } from "commander";
import { formatInputError, InputError, safeText } from "../errors.js";
import { WriteFailure } from "../io/write-failure.js";
import { TOOL } from "../version.js";
import type { Console } from "./console.js";
import { convertCommand } from "./convert.js";
import { evaluateCommand } from "./evaluate.js";
import { inspectCommand } from "./inspect.js";
import { keygenCommand } from "./keygen.js";
import { matchCommand } from "./match.js";
import { pseudonymiseCommand } from "./pseudonymise.js";
import { schemaCommand } from "./schema.js";
import { sqlCommand } from "./sql.js";
import { synthCommand } from "./synth.js";

/** Every command of the tool, one file each: flags → options → library call → print. */
const COMMANDS: ((console: Console) => Command)[] = [
  evaluateCommand,
  matchCommand,
  inspectCommand,
  convertCommand,
  schemaCommand,
  sqlCommand,
  synthCommand,
  keygenCommand,
  pseudonymiseCommand,
];

/** Exit codes, decided here and nowhere else. */
export const EXIT = { ok: 0, bug: 1, badInput: 2, writeFailed: 1 } as const;

export function buildProgram(console: Console): Command {
  // Commander quotes a bad flag value back as it was typed: it is masked and escaped as our messages
  // are, and begins with `prepost: ` as every message does (Commander's own word is `error: `).
  const output = { writeOut: console.out, writeErr: (text: string) => console.err(safeText(text.replace(/^error: /, "prepost: "))) };
  const program = new Command("prepost")
    .description("Pre/post evaluation of acute-care use (A&E attendances, unplanned admissions) for social prescribing cohorts.")
    .version(TOOL.version, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput(output)
    .exitOverride();
  for (const command of COMMANDS) {
    program.addCommand(command(console).configureOutput(output).exitOverride());
  }
  return program;
}

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EPIPE";
}

/** Runs the program on `argv` (user arguments only) and returns the exit code; never exits itself. */
export async function run(argv: string[], console: Console): Promise<number> {
  const program = buildProgram(console);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof InputError) {
      console.err(`prepost: ${formatInputError(error).replace(/\n/g, "\nprepost: ")}\n`);
      return EXIT.badInput;
    }
    // `prepost … | head` closes the pipe early: that is the reader's choice, not a failure.
    if (isClosedPipe(error) || (error instanceof WriteFailure && isClosedPipe(error.reason))) return EXIT.ok;
    // A full disk or an I/O error: not the user's mistake, nor a bug, but said plainly, without a trace.
    if (error instanceof WriteFailure) {
      console.err(`prepost: ${safeText(error.message)}\n`);
      return EXIT.writeFailed;
    }
    // A bug's message may quote a value read from an extract: mask it as every other message is.
    const trace = safeText((error as Error)?.stack ?? String(error));
    console.err(`prepost: internal error (a bug in prepost, please report it):\n${trace}\n`);
    return EXIT.bug;
  }
}
