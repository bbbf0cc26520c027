import "server-only";

import { prisma } from "../db";

export async function listDemoUsers() {
  return prisma.user.findMany({
    where: { isDemo: true },
    select: {
      email: true,
      name: true,
      role: true,
      team: { select: { name: true } },
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
}

export type DemoUser = Awaited<ReturnType<typeof listDemoUsers>>[number];
