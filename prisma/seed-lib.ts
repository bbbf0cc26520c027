import fs from "node:fs";
import path from "node:path";

import { BASE_IMAGES } from "../lib/aws/emulator/base-images";
import { validateComponentDocument } from "../lib/components/awstoe/validate";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { SEED_COMPONENTS } from "./seed-data/components";
import { DEMO_USERS, GOLDEN_IMAGES, SEED_TEAMS } from "./seed-data/teams-users";

type Db = PrismaClient;

/**
 * Idempotent: creates what is missing and never changes or deletes data.
 * Demo users are made only for the demo sign-in (no identity provider).
 */
export async function seedDatabase(
  prisma: Db,
  options: { demoUsers: boolean },
): Promise<void> {
  const teams = await seedTeams(prisma);
  await seedGoldenImages(prisma, teams.ccoe);
  await seedComponents(prisma, teams);
  if (options.demoUsers) await seedDemoUsers(prisma, teams);
}

async function seedTeams(prisma: Db): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const team of SEED_TEAMS) {
    const row = await prisma.team.upsert({
      where: { slug: team.slug },
      update: {},
      create: team,
    });
    ids[team.slug] = row.id;
  }

  return ids;
}

async function seedGoldenImages(prisma: Db, ccoeTeamId: string) {
  for (const [index, golden] of GOLDEN_IMAGES.entries()) {
    const base = BASE_IMAGES.find((image) => image.osKey === golden.osKey);
    if (!base) throw new Error(`No base image for ${golden.osKey}`);

    await prisma.goldenImage.upsert({
      where: { slug: golden.slug },
      update: {},
      create: {
        slug: golden.slug,
        name: golden.name,
        osVersion: base.osVersion,
        platform: base.platform,
        architecture: base.architecture,
        family: base.family,
        currentVersion: golden.currentVersion,
        parentImage: base.amiId,
        description: golden.description,
        ownerTeamId: ccoeTeamId,
        sortOrder: index,
      },
    });
  }
}

async function seedComponents(prisma: Db, teams: Record<string, string>) {
  const dir = path.join(import.meta.dirname, "seed-data", "components");
  for (const seed of SEED_COMPONENTS) {
    const document = fs.readFileSync(path.join(dir, seed.file), "utf8");
    const result = validateComponentDocument(document, {
      platform: seed.platform,
    });
    if (!result.ok || !result.summary) {
      const first = result.issues.find((issue) => issue.severity === "error");
      throw new Error(`${seed.file}: ${first?.message ?? "invalid"}`);
    }

    const component = await prisma.component.upsert({
      where: { name: seed.name },
      update: {},
      create: {
        name: seed.name,
        platform: seed.platform,
        supportedOsVersions: seed.supportedOsVersions,
        type: result.summary.type,
        mandatory: seed.mandatory,
        description: seed.description,
        ownerTeamId: teams[seed.ownerTeam],
      },
    });
    await prisma.componentVersion.upsert({
      where: {
        componentId_version: {
          componentId: component.id,
          version: seed.semanticVersion,
        },
      },
      update: {},
      create: {
        componentId: component.id,
        version: seed.semanticVersion,
        status: "approved",
        document,
        parameters: JSON.parse(JSON.stringify(result.summary.parameters)),
        changeDescription: seed.changeDescription,
      },
    });
  }
}

async function seedDemoUsers(prisma: Db, teams: Record<string, string>) {
  for (const user of DEMO_USERS) {
    await prisma.user.upsert({
      where: { email: user.email },
      update: {},
      create: {
        email: user.email,
        name: user.name,
        role: user.role,
        teamId: user.team ? teams[user.team] : null,
        isDemo: true,
      },
    });
  }
}
