#!/usr/bin/env node
/**
 * Runs bench/analyst-query.sql in the given folder with DuckDB (the same @duckdb/node-api prepost
 * embeds, default settings), printing its rows as JSON.
 *
 *   node bench/analyst-query.mjs bench/data/1m
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

process.chdir(process.argv[2]);
const sql = readFileSync(new URL("./analyst-query.sql", import.meta.url), "utf8");
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
console.log(JSON.stringify(rows));
