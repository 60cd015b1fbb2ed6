import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";

describe("the shipped JSON Schema of the config file", () => {
  it("is the one generated from the zod schema (run `npm run schema` after changing the config)", async () => {
    const shipped = JSON.parse(await readFile(new URL("../../schema/evaluation.schema.json", import.meta.url), "utf8"));
    expect(shipped).toEqual(configJsonSchema());
  });

  it("refuses unknown keys, as prepost does", () => {
    const schema = configJsonSchema() as { additionalProperties?: unknown; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["referrals", "columns", "cohorts", "from", "minAge", "window"]));
  });
});
