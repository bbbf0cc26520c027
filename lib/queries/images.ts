import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { imageVisibilityWhere } from "../ledger/visibility";

/** The per-severity counts of an image, as stored on its row. */
export const SEVERITY_COUNTS = {
  critical: true,
  high: true,
  medium: true,
  low: true,
  informational: true,
  untriaged: true,
} as const;

export const IMAGE_LIST_SELECT = {
  id: true,
  arn: true,
  version: true,
  status: true,
  createdAt: true,
  findingsCollectedAt: true,
  team: { select: { name: true } },
  goldenImage: { select: { name: true, slug: true } },
  recipeVersion: {
    select: { version: true, recipe: { select: { name: true } } },
  },
  amis: {
    select: { region: true, accountId: true, amiId: true },
    orderBy: [{ region: "asc" }, { accountId: "asc" }],
  },
  ...SEVERITY_COUNTS,
} satisfies Prisma.ImageSelect;

/** One image, or null when it does not exist or the viewer may not see it. */
export async function getImage(
  id: string,
  viewer: Pick<CurrentUser, "role" | "teamId">,
) {
  return prisma.image.findFirst({
    where: { id, ...imageVisibilityWhere(viewer) },
    select: {
      ...IMAGE_LIST_SELECT,
      statusReason: true,
      scanStatus: true,
      buildType: true,
      finishedAt: true,
      infrastructureArn: true,
      distributionArn: true,
      createdBy: { select: { name: true } },
      goldenImage: {
        select: { name: true, slug: true, osVersion: true, parentImage: true },
      },
      recipeVersion: {
        select: {
          version: true,
          arn: true,
          recipe: { select: { name: true } },
          components: {
            orderBy: { position: "asc" },
            select: {
              parameters: true,
              componentVersion: {
                select: {
                  version: true,
                  arn: true,
                  component: { select: { name: true, type: true } },
                },
              },
            },
          },
        },
      },
      events: {
        orderBy: { at: "asc" },
        select: { status: true, reason: true, at: true },
      },
    },
  });
}

export type ImageDetail = NonNullable<Awaited<ReturnType<typeof getImage>>>;

const SEVERITY_ORDER = [
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "INFORMATIONAL",
  "UNTRIAGED",
];

export async function listImageFindings(imageId: string) {
  const rows = await prisma.finding.findMany({
    where: { imageId },
    select: {
      id: true,
      vulnerabilityId: true,
      title: true,
      severity: true,
      packageName: true,
      installedVersion: true,
      fixedInVersion: true,
      packages: true,
      inspectorScore: true,
      exploitAvailable: true,
      fixAvailable: true,
    },
  });

  return rows.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (b.inspectorScore ?? 0) - (a.inspectorScore ?? 0) ||
      a.vulnerabilityId.localeCompare(b.vulnerabilityId),
  );
}

export type FindingListItem = Awaited<
  ReturnType<typeof listImageFindings>
>[number];
