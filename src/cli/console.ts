import { Writable } from "node:stream";

/** Where a command prints; tests pass their own to drive the program in-process. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Standard error is a terminal (progress displays only then). */
  errIsTerminal: boolean;
  /** Standard output as a stream, for commands that stream large output and must wait for it to drain. */
  outStream?: NodeJS.WritableStream;
}

export const processConsole: Console = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
  outStream: process.stdout,
};

/**
 * A stream onto the console's standard output that a pipeline may end without closing standard
 * output itself. It waits for `outStream` to drain (a slow reader down a pipe slows the writer
 * instead of filling memory); without one, as in tests, it hands the text to `out`.
 */
export function outputSink(console: Console): Writable {
  const target = console.outStream;
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      if (!target) {
        console.out(chunk.toString());
        done();
      } else if (target.write(chunk)) {
        done();
      } else {
        target.once("drain", () => done());
      }
    },
  });
}
