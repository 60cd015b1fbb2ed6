import type { ProgressListener } from "../io/progress.js";
import { formatCount } from "../render/numbers.js";
import type { Console } from "./console.js";

/**
 * The progress display of a long run, on standard error only when it is a terminal: one line,
 * rewritten in place, with the file being read, rows read, the rate and the time so far. The
 * line is cleared when the run ends, so that nothing of it stays among the output.
 */
export function progressDisplay(console: Console, now: () => number = () => performance.now()): { listener: ProgressListener; done(): void } {
  const started = now();
  // Files are read one after another: each starts when the one before it ended.
  let fileStarted = started;
  let shown = false;
  const listener: ProgressListener = ({ file, rows, done }) => {
    const at = now();
    const fileSeconds = (at - fileStarted) / 1000;
    if (done) fileStarted = at;
    const rate = fileSeconds > 0 ? `, ${formatCount(Math.round(rows / fileSeconds))} rows/s` : "";
    console.err(`\r\x1b[2Kprepost: reading ${file}: ${formatCount(rows)} rows${rate}, ${((at - started) / 1000).toFixed(1)} s elapsed`);
    shown = true;
  };
  return {
    listener,
    done: () => {
      if (shown) console.err("\r\x1b[2K");
    },
  };
}
