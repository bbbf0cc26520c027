import { defineConfig } from "prisma/config";

import { createMigrationAdapter } from "./lib/adapter";

export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  engine: "js",
  adapter: async () => createMigrationAdapter(),
});
