import { Command } from "commander";
import type { Console } from "./console.js";

export function schemaCommand(console: Console): Command {
  return new Command("schema")
    .description("Print the JSON Schema of the evaluate config file (shipped as schema/evaluation.schema.json).")
    .action(async () => {
      const { configJsonSchema } = await import("../config/json-schema.js");
      console.out(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
