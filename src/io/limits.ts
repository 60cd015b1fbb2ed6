/**
 * The longest field prepost reads, in UTF-8 bytes: an identifier, a date or a code is a few dozen.
 * A longer one makes its row invalid (the row reader says how long, and never echoes it); the
 * DuckDB engine hands any file with a line this long to the row reader (see `CsvTextTraits.longLine`).
 */
export const FIELD_LIMIT = 2 ** 20;

/**
 * The longest record csv-parse builds: past it the file is not read on (a row that long is not an
 * extract's), where a field of hundreds of MB would otherwise exhaust V8's strings and memory.
 */
export const RECORD_LIMIT = 64 * 2 ** 20;
