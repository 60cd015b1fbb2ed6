import { defineConfig } from "vitest/config";

/**
 * `npm run test:warehouse`: the warehouse scripts run by real engines the tests start themselves
 * (a PostgreSQL server, local Spark), slower than `npm test` and needing what .ci/run installs.
 */
export default defineConfig({
  test: {
    include: ["test/warehouse/**/*.slow.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
