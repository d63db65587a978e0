import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["src/test-support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
  },
});
