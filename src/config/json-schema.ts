import { z } from "zod";
import { configFileSchema } from "./config-file.js";

/**
 * The config file's JSON Schema, generated from the zod schema that validates it, so that editors
 * check config files by the same rules prepost does. Shipped as `schema/evaluation.schema.json`.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { io: "input", unrepresentable: "any" }),
    title: "prepost evaluation config",
    description: "A run of `prepost evaluate`: extracts (paths relative to this file), column mappings, cohorts and settings.",
  };
}
