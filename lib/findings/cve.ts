import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { imageVisibilityWhere } from "../ledger/visibility";
import {
  installedVersion,
  type CvssScore,
  type FindingPackage,
} from "./map-finding";

// LIMITATION: the CVE page lists at most this many image findings (the
// newest); the total is still counted exactly.
const MAX_IMAGES = 500;

/**
 * One vulnerability across the images the user may see: the newest
 * record's description and scores, and every image that has it.
 */
export async function getCveDetail(user: CurrentUser, cveId: string) {
  const where = {
    vulnerabilityId: cveId,
    image: imageVisibilityWhere(user),
  };
  const [latest, total, rows] = await Promise.all([
    prisma.finding.findFirst({
      where,
      orderBy: [{ updatedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      select: {
        title: true,
        description: true,
        severity: true,
        vendorSeverity: true,
        inspectorScore: true,
        scoreSource: true,
        scoreVector: true,
        cvss: true,
        epss: true,
        exploitAvailable: true,
        referenceUrls: true,
        sourceUrl: true,
      },
    }),
    prisma.finding.count({ where }),
    prisma.finding.findMany({
      where,
      orderBy: [{ image: { createdAt: "desc" } }, { id: "asc" }],
      take: MAX_IMAGES,
      select: {
        id: true,
        status: true,
        severity: true,
        fixAvailable: true,
        packages: true,
        firstObservedAt: true,
        image: {
          select: {
            id: true,
            version: true,
            status: true,
            createdAt: true,
            recipe: { select: { name: true } },
            team: { select: { name: true } },
          },
        },
      },
    }),
  ]);
  if (!latest) return null;

  const images = rows.map((row) => ({
    ...row,
    packages: row.packages as unknown as FindingPackage[],
  }));

  return {
    id: cveId,
    ...latest,
    cvss: latest.cvss as unknown as CvssScore[],
    total,
    images,
    packages: packageVersions(images.flatMap((row) => row.packages)),
  };
}

/** Vulnerable and fixed versions per package, each listed once. */
function packageVersions(packages: FindingPackage[]) {
  const byName = new Map<
    string,
    { installed: Set<string>; fixed: Set<string>; noFix: boolean }
  >();
  for (const pkg of packages) {
    const entry = byName.get(pkg.name) ?? {
      installed: new Set<string>(),
      fixed: new Set<string>(),
      noFix: false,
    };
    const version = installedVersion(pkg);
    if (version) entry.installed.add(version);
    if (pkg.fixedInVersion) entry.fixed.add(pkg.fixedInVersion);
    else entry.noFix = true;
    byName.set(pkg.name, entry);
  }

  return [...byName]
    .map(([name, entry]) => ({
      name,
      installed: [...entry.installed].sort(),
      fixed: [...entry.fixed].sort(),
      noFix: entry.noFix,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type CveDetail = NonNullable<Awaited<ReturnType<typeof getCveDetail>>>;
