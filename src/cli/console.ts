import { Writable } from "node:stream";
import { WriteFailure } from "../io/write-failure.js";

/** Where a command prints; tests pass their own to drive the program in-process. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Standard error is a terminal (progress displays only then). */
  errIsTerminal: boolean;
  /** Standard output as a stream, for commands that stream large output and must wait for it to drain. */
  outStream?: NodeJS.WritableStream;
}

/** The first write to standard output that failed (a full disk, a closed pipe), if any. */
let standardOutputError: NodeJS.ErrnoException | undefined;

function heard(error: Error | null | undefined): void {
  if (error) standardOutputError ??= error as NodeJS.ErrnoException;
}

export const processConsole: Console = {
  out: (text) => void process.stdout.write(text, heard),
  err: (text) => void process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
  outStream: process.stdout,
};

/** Listens for standard output's errors, which would otherwise end the process with a trace. */
export function watchStandardOutput(): void {
  process.stdout.on("error", heard);
}

/**
 * Waits until everything written to standard output has been handed to the system, and returns
 * the first write that failed: what a command printed is only known to have gone once this says so.
 */
export function standardOutputFlushed(): Promise<NodeJS.ErrnoException | undefined> {
  if (standardOutputError || process.stdout.destroyed) return Promise.resolve(standardOutputError);
  return new Promise((resolve) => process.stdout.write("", (error) => resolve(standardOutputError ?? (error as NodeJS.ErrnoException | null) ?? undefined)));
}

/**
 * A stream onto the console's standard output that a pipeline may end without closing standard
 * output itself. Each chunk is passed on only once the one before it has been written (a slow
 * reader down a pipe slows the writer instead of filling memory), and a failed write fails the
 * pipeline as a `WriteFailure` of standard output; without `outStream`, as in tests, it hands the
 * text to `out`.
 */
export function outputSink(console: Console): Writable {
  const target = console.outStream;
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      if (!target) {
        console.out(chunk.toString());
        done();
        return;
      }
      target.write(chunk, (error?: Error | null) => {
        heard(error);
        done(error ? new WriteFailure("standard output", error as NodeJS.ErrnoException, "the output is incomplete") : undefined);
      });
    },
  });
}
