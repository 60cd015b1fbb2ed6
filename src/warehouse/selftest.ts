import type { DialectName } from "./dialect.js";

export function selftestScript(dialect: DialectName): string {
  return `-- selftest for ${dialect}: to be written\n`;
}
