import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The project's Python, where .ci/run installs pyspark and sqlglot (a venv under the project, gitignored). */
export const PYTHON = join(process.cwd(), ".venv", "bin", "python");
export const HARNESS = join(process.cwd(), "test", "warehouse", "spark", "run.py");

/** Why the harness cannot run a mode here, or undefined where it can (the module imports). */
export async function missing(module: "pyspark" | "sqlglot"): Promise<string | undefined> {
  if (!existsSync(PYTHON)) return `no ${PYTHON} (.ci/run makes it: python3 -m venv .venv && .venv/bin/pip install pyspark sqlglot)`;
  try {
    await run(PYTHON, ["-c", `import ${module}`]);
    return undefined;
  } catch {
    return `${module} is not installed in .venv (.venv/bin/pip install ${module})`;
  }
}

/** Runs the harness; its lines, and its exit code (3: the tool cannot start here). */
export async function harness(args: string[]): Promise<{ code: number; lines: string[] }> {
  try {
    const { stdout } = await run(PYTHON, [HARNESS, ...args], { maxBuffer: 1 << 26, env: { ...process.env, SPARK_LOCAL_IP: "127.0.0.1", PYSPARK_PYTHON: PYTHON } });
    return { code: 0, lines: stdout.trim().split("\n") };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { code: failure.code ?? 1, lines: (failure.stdout ?? "").trim().split("\n") };
  }
}
