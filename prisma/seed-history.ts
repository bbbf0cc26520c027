import nextEnv from "@next/env";

import { createRuntimeAdapter } from "../lib/adapter";
import { awsSettings } from "../lib/env";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemoHistory } from "./seed-history/run";

// Run by `npm run setup` after the seed, never by `prisma db seed`. It
// reads the env files `next start` reads, so both agree on the AWS mode.
nextEnv.loadEnvConfig(process.cwd());
const prisma = new PrismaClient({ adapter: createRuntimeAdapter() });

seedDemoHistory(prisma, { mode: awsSettings().mode })
  .then((result) => {
    console.log(
      result.seeded
        ? `seed-history: added ${result.images} past builds of ` +
            `${result.lines} image lines with ${result.findings} findings`
        : `seed-history: skipped, ${result.reason}`,
    );
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
