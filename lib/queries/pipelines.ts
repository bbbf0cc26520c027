import "server-only";

import type { CurrentUser } from "../auth/session";
import { RECONCILER_LEASE } from "../builds/reconciler";
import { UNFINISHED_WHERE } from "../builds/sync-image";
import { prisma } from "../db";
import type { DistributionRegion } from "../validations/distribution";

export async function listInfrastructurePresets() {
  return prisma.infrastructurePreset.findMany({ orderBy: { name: "asc" } });
}

export async function listDistributionSettings() {
  const rows = await prisma.distributionSetting.findMany({
    orderBy: { name: "asc" },
  });

  return rows.map((row) => ({
    ...row,
    regions: row.regions as unknown as DistributionRegion[],
  }));
}

/** Admins see every team's pipelines; others their own team's. */
function teamScope(user: CurrentUser) {
  return user.role === "admin" ? {} : { teamId: user.teamId ?? "-" };
}

export async function listPipelines(user: CurrentUser) {
  return prisma.pipeline.findMany({
    where: teamScope(user),
    select: {
      id: true,
      name: true,
      status: true,
      scheduleExpression: true,
      timezone: true,
      team: { select: { name: true } },
      recipeVersion: {
        select: { version: true, recipe: { select: { name: true } } },
      },
      images: {
        select: { status: true, createdAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
    orderBy: { name: "asc" },
  });
}

export async function getPipeline(id: string, user: CurrentUser) {
  return prisma.pipeline.findFirst({
    where: { id, ...teamScope(user) },
    include: {
      team: { select: { name: true } },
      recipeVersion: {
        select: { version: true, arn: true, recipe: { select: { name: true } } },
      },
      infrastructurePreset: { select: { name: true } },
      distributionSetting: { select: { name: true, regions: true } },
      images: {
        select: {
          id: true,
          version: true,
          status: true,
          statusReason: true,
          buildType: true,
          createdAt: true,
          finishedAt: true,
          critical: true,
          high: true,
          createdBy: { select: { name: true } },
        },
        orderBy: { createdAt: "desc" },
        take: 50,
      },
      skips: {
        select: { id: true, scheduledFor: true, reason: true },
        orderBy: { scheduledFor: "desc" },
        take: 20,
      },
    },
  });
}

export async function pipelineFormOptions(user: CurrentUser) {
  const [versions, presets, distributions] = await Promise.all([
    prisma.recipeVersion.findMany({
      // Only versions Image Builder still holds: a line whose every build
      // is deleted there (e.g. imported history) cannot run a pipeline.
      where: {
        recipe: { teamId: user.teamId ?? "-" },
        images: {
          some: {
            OR: [{ awsState: null }, { awsState: { not: "DELETED" } }],
          },
        },
      },
      select: {
        id: true,
        version: true,
        recipe: { select: { name: true } },
      },
      orderBy: [{ recipe: { name: "asc" } }, { createdAt: "desc" }],
    }),
    prisma.infrastructurePreset.findMany({
      where: { arn: { not: null } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.distributionSetting.findMany({
      where: { arn: { not: null } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);

  return { versions, presets, distributions };
}

/** What the admin jobs page shows. */
export async function jobStatus() {
  const [leases, unfinished, recentEvents, eventCount] = await Promise.all([
    prisma.jobLease.findMany({ orderBy: { name: "asc" } }),
    prisma.image.count({ where: UNFINISHED_WHERE }),
    prisma.processedEvent.findMany({
      orderBy: { receivedAt: "desc" },
      take: 20,
    }),
    prisma.processedEvent.count(),
  ]);

  return { leases, unfinished, recentEvents, eventCount, RECONCILER_LEASE };
}

export async function listOutbox() {
  return prisma.mailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}

export async function listImageReports(imageId: string) {
  return prisma.findingsReport.findMany({
    where: { imageId },
    orderBy: { createdAt: "desc" },
  });
}
