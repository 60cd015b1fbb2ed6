#!/usr/bin/env node
import { WriteFailure } from "../io/write-failure.js";
import { processConsole, standardOutputFlushed, watchStandardOutput } from "./console.js";
import { EXIT, run } from "./program.js";

watchStandardOutput();
let code = await run(process.argv.slice(2), processConsole);
// What went to standard output is only known to have gone once it has been flushed: a full disk
// behind `> report.txt` must not pass for a finished report. A closed pipe (`| head`) is the
// reader's choice, not a failure.
const failure = await standardOutputFlushed();
if (failure && failure.code !== "EPIPE" && code === EXIT.ok) {
  process.stderr.write(`prepost: ${new WriteFailure("standard output", failure, "the output is incomplete").message}\n`);
  code = EXIT.writeFailed;
}
process.exitCode = code;
