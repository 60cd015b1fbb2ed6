#!/usr/bin/env node
/**
 * The bare csv-parse pipeline: the file streamed through csv-parse with its defaults (array rows,
 * nothing trimmed: the least work csv-parse can do per field), records drained in a `read()` loop,
 * each only counted. No pipeline over this parser can be faster; the stream engine is measured
 * against it.
 *
 *   node bench/csv-parse-baseline.mjs bench/data/1m/ae.csv
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const path = process.argv[2];
let rows = 0;
await new Promise((resolve, reject) => {
  const parser = parse();
  parser.on("readable", () => {
    while (parser.read() !== null) rows++;
  });
  parser.on("end", resolve);
  parser.on("error", reject);
  createReadStream(path, { highWaterMark: 1 << 20 }).on("error", reject).pipe(parser);
});
console.log(JSON.stringify({ rows: rows - 1 }));
