import { readFileSync } from "node:fs";

// Read once from package.json (two folders up from both src/ and dist/), so there is one version.
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

export const TOOL = { name: "prepost", version: packageJson.version } as const;
