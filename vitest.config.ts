import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "plans/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
