import "server-only";

import { audit } from "../audit";
import { prisma } from "../db";
import { displayVersion, type FindingPackage } from "../findings/map-finding";
import { putReport } from "./storage";
import { reportCsv, reportJson, reportOrder } from "./findings-report";

export interface ArchivedFinding {
  vulnerabilityId: string;
  severity: string;
  packageName: string | null;
  fixedInVersion: string | null;
}

/**
 * Archives the image's current findings as JSON and CSV; each scan adds a
 * report, so the history keeps every one.
 */
export async function archiveFindingsReport(
  imageId: string,
  now = new Date(),
): Promise<{ reportId: string; findings: ArchivedFinding[] }> {
  const image = await prisma.image.findUniqueOrThrow({
    where: { id: imageId },
    select: {
      arn: true,
      version: true,
      team: { select: { name: true } },
      recipeVersion: { select: { recipe: { select: { name: true } } } },
      amis: { select: { region: true, accountId: true, amiId: true } },
      findings: {
        select: {
          vulnerabilityId: true,
          severity: true,
          status: true,
          title: true,
          packageName: true,
          installedVersion: true,
          fixedInVersion: true,
          packages: true,
          fixAvailable: true,
          inspectorScore: true,
          epss: true,
          exploitAvailable: true,
          findingArn: true,
        },
      },
    },
  });
  // Versions read as on the image page: without Debian's `0:` epoch.
  const findings = reportOrder(
    image.findings.map((finding) => ({
      ...finding,
      installedVersion: displayVersion(finding.installedVersion),
      fixedInVersion: displayVersion(finding.fixedInVersion),
      packages: finding.packages as unknown as FindingPackage[],
    })),
  );
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const base = `images/${imageId}/${stamp}`;
  const summary = {
    arn: image.arn,
    recipe: image.recipeVersion.recipe.name,
    version: image.version,
    team: image.team.name,
    amis: image.amis,
  };
  const jsonUri = await putReport(
    `${base}/findings.json`,
    reportJson(summary, findings, now),
    "application/json",
  );
  const csvUri = await putReport(
    `${base}/findings.csv`,
    reportCsv(findings),
    "text/csv",
  );

  return prisma.$transaction(async (tx) => {
    const report = await tx.findingsReport.create({
      data: { imageId, jsonUri, csvUri, findings: findings.length },
    });
    await audit(tx, {
      actorId: null,
      action: "image.report.archive",
      entityType: "Image",
      entityId: imageId,
      details: { reportId: report.id, jsonUri, csvUri },
    });

    return { reportId: report.id, findings };
  });
}
