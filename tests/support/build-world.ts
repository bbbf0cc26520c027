import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { getPrisma } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed-lib";

import { createTestDatabase, type Backend, type TestDatabase } from "./database";

export interface BuildWorld {
  db: TestDatabase;
  emulatorDir: string;
  stop: () => Promise<void>;
}

/**
 * A migrated, seeded database and a fresh local emulator whose builds
 * spend `stepSeconds` in each state: what the build journeys run on.
 */
export async function startBuildWorld(
  backend: Backend,
  stepSeconds: number,
): Promise<BuildWorld> {
  const db = await createTestDatabase(backend);
  const emulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-aws-"));
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    PORTAL_AWS_MODE: "local",
    AWS_EMULATOR_DIR: emulatorDir,
    AWS_EMULATOR_STEP_SECONDS: String(stepSeconds),
    AWS_MAX_ATTEMPTS: "2",
  });
  await seedDatabase(getPrisma(), { demoUsers: true });

  return {
    db,
    emulatorDir,
    stop: async () => {
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      db.stop();
      fs.rmSync(emulatorDir, { recursive: true, force: true });
    },
  };
}
