#!/usr/bin/env node
import { processConsole } from "./console.js";
import { run } from "./program.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

process.exitCode = await run(process.argv.slice(2), processConsole);
