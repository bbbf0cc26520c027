import type { PrismaClient } from "@/lib/generated/prisma/client";

let serial = 0;

/** A recipe (image line) with one recipe version per entry, made directly. */
export async function createLine(
  prisma: PrismaClient,
  input: {
    name: string;
    team: string;
    golden: string;
    author: string;
    versions: { version: string; components: string[] }[];
  },
) {
  const [team, golden, author] = await Promise.all([
    prisma.team.findUniqueOrThrow({ where: { slug: input.team } }),
    prisma.goldenImage.findUniqueOrThrow({ where: { slug: input.golden } }),
    prisma.user.findUniqueOrThrow({ where: { email: input.author } }),
  ]);
  const recipe = await prisma.recipe.create({
    data: {
      name: input.name,
      nameKey: input.name.toLowerCase(),
      teamId: team.id,
      goldenImageId: golden.id,
    },
  });
  const versions: Record<string, string> = {};
  for (const [index, entry] of input.versions.entries()) {
    const components = await Promise.all(
      entry.components.map((spec) => {
        const [name, version] = spec.split("@");

        return prisma.componentVersion.findFirstOrThrow({
          where: { component: { name }, ...(version ? { version } : {}) },
          orderBy: { createdAt: "desc" },
        });
      }),
    );
    const row = await prisma.recipeVersion.create({
      data: {
        recipeId: recipe.id,
        version: entry.version,
        parentImage: golden.parentImage,
        arn: `arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/${recipe.nameKey}/${entry.version}`,
        requestHash: `hash-${recipe.id}-${entry.version}`,
        createdById: author.id,
        // Spaced a minute apart so creation order is version order.
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
        components: {
          create: components.map((component, position) => ({
            position,
            componentVersionId: component.id,
            parameters: {},
          })),
        },
      },
    });
    versions[entry.version] = row.id;
  }

  return {
    id: recipe.id,
    teamId: team.id,
    goldenImageId: golden.id,
    authorId: author.id,
    nameKey: recipe.nameKey,
    versions,
  };
}

export type Line = Awaited<ReturnType<typeof createLine>>;

export interface ImageSpec {
  recipeVersion: string;
  status?: string;
  createdAt: Date;
  critical?: number;
  high?: number;
  medium?: number;
  low?: number;
  fixable?: number;
  awsState?: string | null;
  scanned?: boolean;
}

/** One image of a line, its counts set as given (no findings rows). */
export async function createImage(
  prisma: PrismaClient,
  line: Line,
  spec: ImageSpec,
) {
  serial += 1;
  const build = serial;
  const status = spec.status ?? "AVAILABLE";
  const scanned = spec.scanned ?? status === "AVAILABLE";

  return prisma.image.create({
    data: {
      arn: `arn:aws:imagebuilder:us-east-1:111122223333:image/${line.nameKey}/${spec.recipeVersion}/${build}`,
      version: `${spec.recipeVersion}/${build}`,
      status,
      buildType: "USER_INITIATED",
      teamId: line.teamId,
      recipeId: line.id,
      recipeVersionId: line.versions[spec.recipeVersion],
      goldenImageId: line.goldenImageId,
      createdById: line.authorId,
      infrastructureArn:
        "arn:aws:imagebuilder:us-east-1:111122223333:infrastructure-configuration/x",
      distributionArn:
        "arn:aws:imagebuilder:us-east-1:111122223333:distribution-configuration/x",
      createdAt: spec.createdAt,
      findingsCollectedAt: scanned ? spec.createdAt : null,
      critical: spec.critical ?? 0,
      high: spec.high ?? 0,
      medium: spec.medium ?? 0,
      low: spec.low ?? 0,
      fixable: spec.fixable ?? 0,
      awsState: spec.awsState ?? null,
      awsStateAt: spec.awsState ? spec.createdAt : null,
      events: { create: { status, at: spec.createdAt } },
    },
    select: { id: true, version: true, status: true, teamId: true },
  });
}
