#!/usr/bin/env node
/**
 * The read floor: the file read in 1 MiB blocks and its lines counted. No reader of the file can
 * beat it.
 *
 *   node bench/read-floor.mjs bench/data/1m/ae.csv
 */
import { openSync, readSync } from "node:fs";

const fd = openSync(process.argv[2], "r");
const block = Buffer.allocUnsafe(1 << 20);
let lines = 0;
for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) {
  const bytes = n === block.length ? block : block.subarray(0, n);
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
}
console.log(JSON.stringify({ lines }));
