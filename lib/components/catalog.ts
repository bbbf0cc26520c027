import "server-only";

import semver from "semver";

import { prisma } from "../db";
import type { CatalogComponent } from "../recipes/rules";
import type { DeclaredParameter } from "./awstoe/types";

/**
 * Versions a recipe may use: published ones, and approved ones that never
 * went through the portal's review (seeded or imported; the build publishes
 * them on first use). A reviewed version whose publish failed waits for
 * its retry. Deprecated, draft, submitted and rejected ones never show.
 */
const USABLE = {
  OR: [
    { status: "published" as const },
    { status: "approved" as const, submittedAt: null },
  ],
};

/** Every component version a recipe may use. */
export async function usableComponentVersions(): Promise<CatalogComponent[]> {
  const rows = await prisma.componentVersion.findMany({
    where: USABLE,
    select: {
      id: true,
      version: true,
      parameters: true,
      arn: true,
      component: {
        select: {
          id: true,
          name: true,
          type: true,
          platform: true,
          supportedOsVersions: true,
          mandatory: true,
          description: true,
          ownerTeam: { select: { name: true } },
        },
      },
    },
  });

  return rows.map((row) => ({
    versionId: row.id,
    componentId: row.component.id,
    name: row.component.name,
    version: row.version,
    type: row.component.type,
    platform: row.component.platform,
    supportedOsVersions: row.component.supportedOsVersions,
    mandatory: row.component.mandatory,
    description: row.component.description,
    ownerTeam: row.component.ownerTeam.name,
    parameters: row.parameters as unknown as DeclaredParameter[],
    arn: row.arn,
  }));
}

/** The newest usable version of each component, for the palette. */
export function latestPerComponent(
  versions: CatalogComponent[],
): CatalogComponent[] {
  const latest = new Map<string, CatalogComponent>();
  for (const version of versions) {
    const current = latest.get(version.componentId);
    if (!current || semver.gt(version.version, current.version)) {
      latest.set(version.componentId, version);
    }
  }

  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name));
}
