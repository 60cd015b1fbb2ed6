import type { Dialect, DialectName } from "../dialect.js";
import { duckdb } from "./duckdb.js";
import { postgres } from "./postgres.js";
import { spark } from "./spark.js";
import { tsql } from "./tsql.js";

export const DIALECT_OF: Record<DialectName, Dialect> = { duckdb, postgres, tsql, spark };
