import { createRuntimeAdapter } from "../lib/adapter";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDatabase } from "./seed-lib";

const prisma = new PrismaClient({ adapter: createRuntimeAdapter() });

seedDatabase(prisma, { demoUsers: !process.env.OIDC_ISSUER })
  .then(() => console.log("seed: done"))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
