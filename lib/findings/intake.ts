import "server-only";

import { prisma } from "../db";
import { parseFinding } from "./map-finding";

/**
 * What came in but belongs to no portal image: account alerts, findings
 * of other resources (and malformed ones), and refused event payloads.
 */
export async function intakeOverview(take = 50) {
  const [alerts, resources, rejected, counts] = await Promise.all([
    prisma.accountAlert.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        kind: true,
        accountId: true,
        region: true,
        message: true,
        createdAt: true,
        resolvedAt: true,
      },
    }),
    prisma.resourceFinding.findMany({
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        type: true,
        severity: true,
        status: true,
        title: true,
        resourceType: true,
        resourceId: true,
        malformed: true,
        problem: true,
        raw: true,
        receivedAt: true,
      },
    }),
    prisma.rejectedEvent.findMany({
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      take,
    }),
    prisma.resourceFinding.groupBy({
      by: ["malformed"],
      _count: { _all: true },
    }),
  ]);

  return {
    alerts,
    resources: resources.map(({ raw, ...row }) => {
      const resource = parseFinding(raw).resource;

      return {
        ...row,
        label: resource?.label ?? row.resourceId,
        tags: resource?.tags ?? [],
      };
    }),
    rejected,
    malformedTotal:
      counts.find((c) => c.malformed)?._count._all ?? 0,
    resourceTotal: counts.reduce((sum, c) => sum + c._count._all, 0),
  };
}
