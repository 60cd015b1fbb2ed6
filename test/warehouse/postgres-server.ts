import { execFile, spawnSync } from "node:child_process";
import { chmod, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { WarehouseTable } from "./duckdb-harness.js";

const run = promisify(execFile);

/** Debian's PostgreSQL server binaries (`apt-get install postgresql`), the newest version there. */
export function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

/** A server of our own: a temporary cluster on a unix socket in its folder, no TCP (listen_addresses ''). */
export interface PostgresServer {
  psql(sql: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * initdb refuses to run as root: as root (CI), the cluster belongs to Debian's `postgres` user and
 * the server runs as it (runuser); the client connects over the socket as that role, trusted.
 */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), "prepost-pg-"));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }) : undefined;
  if (asRoot) {
    const uid = Number(owner!.stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    await chown(dir, uid, gid);
    await chmod(dir, 0o700);
  }
  const as = (command: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args));
  const data = join(dir, "data");
  await as(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  await as(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "server.log"), "-o", `-k ${dir} -c listen_addresses=''`, "-w", "start"]);
  return {
    async psql(sql) {
      const file = join(dir, `input-${Math.random().toString(36).slice(2)}.sql`);
      await writeFile(file, sql);
      if (asRoot) await chmod(file, 0o644);
      try {
        const { stdout } = await run(join(bin, "psql"), ["-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-h", dir, "-U", "postgres", "-d", "postgres", "-f", file], { maxBuffer: 1 << 26 });
        return stdout;
      } finally {
        await rm(file, { force: true });
      }
    },
    async stop() {
      await as(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const literal = (value: string | number) => (typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`);
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables in a schema of their own, as statements, with the search path set to it for what follows. */
export function loadTablesSql(schema: string, tables: readonly WarehouseTable[]): string {
  const statements = [`DROP SCHEMA IF EXISTS ${schema} CASCADE`, `CREATE SCHEMA ${schema}`, `SET search_path TO ${schema}`];
  for (const table of tables) {
    const numeric = new Set(table.numeric ?? []);
    statements.push(`CREATE TABLE ${identifier(table.name)} (${table.columns.map((c) => `${identifier(c)} ${numeric.has(c) ? "BIGINT" : "TEXT"}`).join(", ")})`);
    if (table.rows.length > 0) statements.push(`INSERT INTO ${identifier(table.name)} VALUES\n${table.rows.map((row) => `(${row.map(literal).join(", ")})`).join(",\n")}`);
  }
  return `${statements.join(";\n")};\n`;
}
