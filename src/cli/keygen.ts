import { Command } from "commander";
import type { Console } from "./console.js";

export function keygenCommand(console: Console): Command {
  return new Command("keygen")
    .description("Write a new random 256-bit key for `prepost pseudonymise`: 64 hex digits, file mode 0600, never overwriting a file.")
    .requiredOption("--out <keyfile>", "the key file to create")
    .action(async (options: { out: string }) => {
      const { writeNewKeyFile } = await import("../pseudonymise/keygen.js");
      await writeNewKeyFile(options.out);
      // The key itself is never printed: it would stay in terminal scroll-back and CI logs.
      console.out(
        `Wrote a new key to ${options.out} (mode 0600).\n` +
          "Give it, out of band, only to whoever pseudonymises the other side's extract; never commit it.\n",
      );
    });
}
