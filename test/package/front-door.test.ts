import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../..", import.meta.url).pathname;

// 12 patients, all indexed 15 June 2021; 9 A&E attendances before (p1-p9), 3 after (p1-p3).
const referrals = ["patient_id,cohort,intervention_date", ...Array.from({ length: 12 }, (_, i) => `p${i + 1},A,2021-06-15`)].join("\n");
const ae = [
  "patient_id,arrival_date",
  ...Array.from({ length: 9 }, (_, i) => `p${i + 1},2021-05-01`),
  ...Array.from({ length: 3 }, (_, i) => `p${i + 1},2021-07-01`),
].join("\n");

const SCRIPT = `
import { evaluate, evaluateCounts, renderJson, resolveRun } from "prepost";
const run = await resolveRun({ referrals: "referrals.csv", ae: "ae.csv", dataStart: "2020-01-01", dataEnd: "2022-12-31", bootstrap: 0, suppress: true });
const published = JSON.parse(renderJson(await evaluate(run)));
const counts = await evaluateCounts(run);
const pick = (row) => ({ patients: row.patients, pre: row.pre, post: row.post });
console.log(JSON.stringify({ published: pick(published.outcomes[0].total), counts: pick(counts.outcomes[0].total), rule: published.disclosure?.rule }));
`;

describe("the library's front door: installed from npm pack, imported by name", () => {
  it("evaluate suppresses inside the library when the settings ask for it", async () => {
    const scratch = await mkdtemp(join(tmpdir(), "prepost-pack-"));
    // The build is fresh (`npm test` builds first): pack what it made, without building again.
    await run("npm", ["pack", "--ignore-scripts", "--pack-destination", scratch], { cwd: ROOT });
    const tarball = (await readdir(scratch)).find((name) => name.endsWith(".tgz"))!;
    await writeFile(join(scratch, "package.json"), JSON.stringify({ name: "scratch", version: "1.0.0", type: "module", private: true }));
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`], { cwd: scratch });
    await writeFile(join(scratch, "referrals.csv"), `${referrals}\n`);
    await writeFile(join(scratch, "ae.csv"), `${ae}\n`);
    await writeFile(join(scratch, "script.mjs"), SCRIPT);
    const { stdout } = await run(process.execPath, ["script.mjs"], { cwd: scratch });
    // NHS England's rule: 1-7 shown as * (null), other counts rounded to the nearest 5.
    expect(JSON.parse(stdout)).toEqual({
      published: { patients: 10, pre: 10, post: null },
      counts: { patients: 12, pre: 9, post: 3 },
      rule: "nhs_england_hes_ecds",
    });
  }, 120_000);
});
