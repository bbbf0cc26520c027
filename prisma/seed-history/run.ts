import type { AwsMode } from "../../lib/env";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_LINES } from "./lines";
import { planLine, TEAM_AUTHORS } from "./plan";
import { seededRandom } from "./random";
import { type Catalogue, writeLine } from "./write";

export type HistoryResult =
  | { seeded: true; lines: number; images: number; findings: number }
  | { seeded: false; reason: string };

const SEED = 20_260_604;
// Any constant: serialises concurrent runs on PostgreSQL.
const LOCK_KEY = 604_006;

/**
 * Seeds the demo build history, only into a local-mode database without
 * any image. All of it is written in one transaction, so a second run (or
 * one that failed half-way) finds either everything or nothing.
 */
export async function seedDemoHistory(
  prisma: PrismaClient,
  options: { mode: AwsMode; now?: Date },
): Promise<HistoryResult> {
  if (options.mode !== "local") {
    return { seeded: false, reason: "the portal is in AWS mode" };
  }
  const catalogue = await loadCatalogue(prisma);
  if (typeof catalogue === "string") {
    return { seeded: false, reason: catalogue };
  }

  const today = startOfDay(options.now ?? new Date());
  const random = seededRandom(SEED);

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
      const existing = await tx.image.count();
      if (existing > 0) {
        return {
          seeded: false as const,
          reason: `the database already has ${existing} images`,
        };
      }

      let images = 0;
      let findings = 0;
      for (const line of DEMO_LINES) {
        const builds = planLine(line, today, random);
        const written = await writeLine(tx, line, builds, catalogue);
        images += written.images;
        findings += written.findings;
      }

      return {
        seeded: true as const,
        lines: DEMO_LINES.length,
        images,
        findings,
      };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

/** The seeded rows the history refers to, or why they are missing. */
async function loadCatalogue(
  prisma: PrismaClient,
): Promise<Catalogue | string> {
  const emails = Object.values(TEAM_AUTHORS).flat();
  const [teams, users, goldens, versions] = await Promise.all([
    prisma.team.findMany({ select: { id: true, slug: true } }),
    prisma.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true },
    }),
    prisma.goldenImage.findMany({
      select: { id: true, slug: true, parentImage: true, platform: true },
    }),
    prisma.componentVersion.findMany({
      where: { status: "approved" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        document: true,
        parameters: true,
        component: { select: { name: true, platform: true, mandatory: true } },
      },
    }),
  ]);
  if (users.length < emails.length) {
    return "the demo users are missing (an identity provider is configured)";
  }
  if (goldens.length === 0 || versions.length === 0) {
    return "the catalogue is not seeded (run npm run db:seed first)";
  }

  return {
    teams: new Map(teams.map((team) => [team.slug, team.id])),
    users: new Map(users.map((user) => [user.email, user.id])),
    goldens: new Map(goldens.map((golden) => [golden.slug, golden])),
    components: new Map(
      versions.map((version) => [
        version.component.name,
        {
          id: version.id,
          document: version.document,
          platform: version.component.platform,
          mandatory: version.component.mandatory,
          defaults: defaultsOf(version.parameters),
        },
      ]),
    ),
    infrastructureArn: configurationArn("infrastructure", "4f1c9a2e"),
    distributionArn: configurationArn("distribution", "b7d03e55"),
  };
}

function configurationArn(kind: "infrastructure" | "distribution", id: string) {
  return (
    `arn:aws:imagebuilder:us-east-1:111122223333:${kind}-configuration/` +
    `ccoe-default-${kind}-${id}`
  );
}

function defaultsOf(parameters: unknown): Record<string, string> {
  const defaults: Record<string, string> = {};
  if (!Array.isArray(parameters)) return defaults;

  for (const parameter of parameters as Record<string, unknown>[]) {
    const { name, defaultValue } = parameter;
    if (typeof name === "string" && typeof defaultValue === "string") {
      defaults[name] = defaultValue;
    }
  }

  return defaults;
}

function startOfDay(date: Date): Date {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);

  return day;
}
