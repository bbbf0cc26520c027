import "server-only";

import semver from "semver";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ComponentVersionStatus } from "../generated/prisma/enums";
import {
  canSeeComponentVersion,
  componentVersionVisibilityWhere,
  imageVisibilityWhere,
} from "../ledger/visibility";
import type { DeclaredParameter } from "./awstoe/types";

export interface LibraryFilters {
  q?: string;
  platform?: string;
  os?: string;
  type?: "BUILD" | "TEST";
  team?: string;
  status?: ComponentVersionStatus;
}

export interface LibraryRow {
  id: string;
  name: string;
  description: string;
  platform: string;
  supportedOsVersions: string[];
  type: "BUILD" | "TEST";
  mandatory: boolean;
  ownerTeam: string;
  latest: { version: string; status: ComponentVersionStatus } | null;
  statuses: ComponentVersionStatus[];
}

type Viewer = Pick<CurrentUser, "role" | "teamId">;

/**
 * The component library, filtered on the server. Engineers do not see
 * other teams' unreleased versions, nor components that have only those.
 */
export async function listComponents(
  filters: LibraryFilters,
  viewer: Viewer,
): Promise<LibraryRow[]> {
  const visible = componentVersionVisibilityWhere(viewer);
  const where: Prisma.ComponentWhereInput = {
    AND: [{ versions: { some: visible } }],
  };
  const q = filters.q?.trim();
  if (q) {
    where.OR = [
      { name: { contains: q, mode: "insensitive" } },
      { description: { contains: q, mode: "insensitive" } },
    ];
  }
  if (filters.platform) where.platform = filters.platform;
  if (filters.type) where.type = filters.type;
  if (filters.team) where.ownerTeam = { slug: filters.team };
  if (filters.status) {
    where.versions = { some: { AND: [{ status: filters.status }, visible] } };
  }
  if (filters.os) {
    // An empty list means "every OS of the platform".
    where.AND = [
      ...(where.AND as Prisma.ComponentWhereInput[]),
      {
        OR: [
          { supportedOsVersions: { has: filters.os } },
          { supportedOsVersions: { isEmpty: true } },
        ],
      },
    ];
  }

  const rows = await prisma.component.findMany({
    where,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      platform: true,
      supportedOsVersions: true,
      type: true,
      mandatory: true,
      ownerTeam: { select: { name: true } },
      versions: { where: visible, select: { version: true, status: true } },
    },
  });

  return rows.map(({ versions, ownerTeam, ...row }) => {
    const sorted = [...versions].sort((a, b) =>
      semver.rcompare(a.version, b.version),
    );

    return {
      ...row,
      ownerTeam: ownerTeam.name,
      latest: sorted[0] ?? null,
      statuses: [...new Set(sorted.map((v) => v.status))],
    };
  });
}

/** Teams that own components, for the filter. */
export async function componentOwnerTeams() {
  return prisma.team.findMany({
    where: { components: { some: {} } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}

/**
 * Everything the component page shows, versions newest first, without
 * the versions the viewer may not see; null when none is left.
 */
export async function getComponentDetail(name: string, viewer: Viewer) {
  const component = await prisma.component.findUnique({
    where: { name },
    include: {
      ownerTeam: { select: { id: true, name: true } },
      versions: {
        include: {
          createdBy: { select: { name: true } },
          reviewedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!component) return null;

  const versions = component.versions
    .filter((version) =>
      canSeeComponentVersion(viewer, component.ownerTeamId, version.status),
    )
    .sort((a, b) => semver.rcompare(a.version, b.version))
    .map((version) => ({
      ...version,
      parameters: version.parameters as unknown as DeclaredParameter[],
    }));

  if (versions.length === 0) return null;

  return { ...component, versions };
}

export type ComponentDetail = NonNullable<
  Awaited<ReturnType<typeof getComponentDetail>>
>;

/** Recipes and the images the viewer may see that use one version. */
export async function versionUsage(versionId: string, viewer: Viewer) {
  const rows = await prisma.recipeComponent.findMany({
    where: { componentVersionId: versionId },
    select: {
      recipeVersion: {
        select: {
          id: true,
          version: true,
          recipe: { select: { name: true, team: { select: { name: true } } } },
          images: {
            where: imageVisibilityWhere(viewer),
            orderBy: { createdAt: "desc" },
            select: { id: true, version: true, status: true, createdAt: true },
          },
        },
      },
    },
  });

  return rows.map((row) => row.recipeVersion);
}

/** Audit trail of a component and its versions, newest first. */
export async function componentHistory(
  componentId: string,
  versionIds: string[],
) {
  return prisma.auditEntry.findMany({
    where: {
      OR: [
        { entityType: "Component", entityId: componentId },
        { entityType: "ComponentVersion", entityId: { in: versionIds } },
      ],
    },
    orderBy: { at: "desc" },
    take: 200,
    select: {
      id: true,
      at: true,
      action: true,
      entityId: true,
      details: true,
      actor: { select: { name: true } },
    },
  });
}

const REVIEWED = ["approved", "published", "deprecated"] as const;

/** Submitted versions, each with the previous approved one to diff with. */
export async function reviewQueue() {
  const submitted = await prisma.componentVersion.findMany({
    where: { status: "submitted" },
    orderBy: { submittedAt: "asc" },
    include: {
      createdBy: { select: { id: true, name: true } },
      component: {
        include: {
          ownerTeam: { select: { name: true } },
          versions: {
            where: { status: { in: [...REVIEWED] } },
            select: { version: true, document: true },
          },
        },
      },
    },
  });

  return submitted.map(({ component, ...version }) => {
    const previous = component.versions
      .filter((v) => semver.lt(v.version, version.version))
      .sort((a, b) => semver.rcompare(a.version, b.version))[0];

    return {
      ...version,
      component: {
        id: component.id,
        name: component.name,
        platform: component.platform,
        ownerTeam: component.ownerTeam.name,
      },
      previous: previous ?? null,
    };
  });
}

/** Approved versions whose publish failed and wait for a retry. */
export async function unpublishedApprovals() {
  return prisma.componentVersion.findMany({
    where: { status: "approved", publishError: { not: null } },
    select: {
      id: true,
      version: true,
      publishError: true,
      component: { select: { name: true } },
    },
  });
}
