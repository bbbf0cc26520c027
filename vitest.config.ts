import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": `${import.meta.dirname}/`,
      "server-only": `${import.meta.dirname}/tests/server-only-stub.ts`,
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "prisma/**/*.test.ts",
      "components/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
