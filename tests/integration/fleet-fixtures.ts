import { getPrisma } from "@/lib/db";

// Rows for fleet and diff tests, written straight to the database: lines
// (recipes), their versions, images and findings.

let serial = 0;

export interface FindingSpec {
  cve: string;
  pkg?: string | null;
  severity?: string;
  status?: string;
  type?: string;
  fix?: "YES" | "PARTIAL" | "NO";
  installed?: string;
  fixedIn?: string | null;
  score?: number | null;
  firstObservedAt?: Date;
  exploit?: boolean;
}

export interface ImageSpec {
  status?: string;
  createdAt: Date;
  collected?: boolean;
  findings?: FindingSpec[];
  components?: string[];
}

/** A recipe (image line) of the team, on Amazon Linux 2023. */
export async function createLine(teamSlug: string, name: string) {
  const prisma = getPrisma();
  const team = await prisma.team.findUniqueOrThrow({ where: { slug: teamSlug } });
  const golden = await prisma.goldenImage.findUniqueOrThrow({
    where: { slug: "amazon-linux-2023" },
  });

  return prisma.recipe.create({
    data: { name, nameKey: name, teamId: team.id, goldenImageId: golden.id },
  });
}

/** A recipe version, an image of it and its findings with their counts. */
export async function createImage(
  recipe: { id: string; name: string; teamId: string; goldenImageId: string },
  version: string,
  spec: ImageSpec,
) {
  const prisma = getPrisma();
  serial += 1;
  const author = await prisma.user.findFirstOrThrow({
    where: { teamId: recipe.teamId },
  });
  const components = await prisma.componentVersion.findMany({
    where: { component: { name: { in: spec.components ?? [] } } },
    select: { id: true, component: { select: { name: true } } },
  });
  const recipeVersion = await prisma.recipeVersion.create({
    data: {
      recipeId: recipe.id,
      version,
      parentImage: "ami-0f3d2c1b4a5e6d753",
      arn: `arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/${recipe.name}/${version}`,
      requestHash: `hash-${serial}`,
      createdById: author.id,
      components: {
        create: (spec.components ?? []).map((name, position) => ({
          position,
          parameters: {},
          componentVersionId: components.find((c) => c.component.name === name)!
            .id,
        })),
      },
    },
  });
  const findings = spec.findings ?? [];
  const active = findings.filter(
    (f) =>
      (f.status ?? "ACTIVE") === "ACTIVE" &&
      (f.type ?? "PACKAGE_VULNERABILITY") === "PACKAGE_VULNERABILITY",
  );
  const count = (severity: string) =>
    active.filter((f) => (f.severity ?? "MEDIUM") === severity).length;
  const collected = spec.collected ?? (spec.status ?? "AVAILABLE") === "AVAILABLE";

  return prisma.image.create({
    data: {
      arn: `arn:aws:imagebuilder:us-east-1:111122223333:image/${recipe.name}/${version}/1`,
      version: `${version}/1`,
      status: spec.status ?? "AVAILABLE",
      buildType: "USER_INITIATED",
      teamId: recipe.teamId,
      recipeId: recipe.id,
      recipeVersionId: recipeVersion.id,
      goldenImageId: recipe.goldenImageId,
      createdById: author.id,
      infrastructureArn: "arn:infra",
      distributionArn: "arn:dist",
      createdAt: spec.createdAt,
      findingsCollectedAt: collected ? spec.createdAt : null,
      critical: count("CRITICAL"),
      high: count("HIGH"),
      medium: count("MEDIUM"),
      low: count("LOW"),
      informational: count("INFORMATIONAL"),
      untriaged: count("UNTRIAGED"),
      fixable: active.filter((f) => (f.fix ?? "NO") !== "NO").length,
      findings: {
        createMany: {
          data: findings.map((f, index) => ({
            findingArn: `arn:finding/${serial}/${index}`,
            vulnerabilityId: f.cve,
            title: f.cve,
            description: "",
            severity: f.severity ?? "MEDIUM",
            status: f.status ?? "ACTIVE",
            type: f.type ?? "PACKAGE_VULNERABILITY",
            packageName: f.pkg === undefined ? "openssl" : f.pkg,
            installedVersion: f.installed ?? "1.0.0",
            fixedInVersion: f.fixedIn === undefined ? null : f.fixedIn,
            packages: [],
            inspectorScore: f.score === undefined ? 5 : f.score,
            fixAvailable: f.fix ?? "NO",
            exploitAvailable: f.exploit ?? false,
            firstObservedAt: f.firstObservedAt ?? spec.createdAt,
            raw: {},
          })),
        },
      },
    },
  });
}

export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}
