import fs from "node:fs";
import path from "node:path";

import { createRuntimeAdapter } from "../lib/adapter";
import { BASE_IMAGES } from "../lib/aws/emulator/base-images";
import { validateComponentDocument } from "../lib/components/awstoe/validate";
import { PrismaClient } from "../lib/generated/prisma/client";
import { SEED_COMPONENTS } from "./seed-data/components";
import { DEMO_USERS, GOLDEN_IMAGES, SEED_TEAMS } from "./seed-data/teams-users";

// Idempotent: creates what is missing and never changes or deletes data.

const prisma = new PrismaClient({ adapter: createRuntimeAdapter() });

async function main() {
  const teams = await seedTeams();
  await seedGoldenImages(teams.ccoe);
  await seedComponents(teams);
  if (!process.env.OIDC_ISSUER) await seedDemoUsers(teams);

  console.log("seed: done");
}

async function seedTeams(): Promise<Record<string, string>> {
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

async function seedGoldenImages(ccoeTeamId: string) {
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

async function seedComponents(teams: Record<string, string>) {
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

async function seedDemoUsers(teams: Record<string, string>) {
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

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
