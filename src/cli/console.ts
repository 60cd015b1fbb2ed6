/** Where a command prints; tests pass their own to drive the program in-process. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Standard error is a terminal (progress displays only then). */
  errIsTerminal: boolean;
}

export const processConsole: Console = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
};
