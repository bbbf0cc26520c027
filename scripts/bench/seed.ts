import type pg from "pg";

import { getPrisma } from "../../lib/db";
import { seedDatabase } from "../../prisma/seed-lib";
import {
  buildStatus,
  cvePool,
  drawCves,
  EXTRA_TEAMS,
  linePlans,
  random,
  SCALE,
} from "./generate";
import { insertRows } from "./rows";
import {
  ACCOUNT,
  DAY,
  seedImageRows,
  userOf,
  versionOf,
  type BaseRows,
  type ImagePlan,
} from "./seed-images";
import {
  seedFindings,
  updateImageCounts,
  type FindingPlan,
} from "./seed-findings";

export interface SeedResult {
  images: number;
  findings: number;
  /** The two 1,000-finding versions of one line, older first. */
  diffPair: [string, string];
}

/** The whole fleet: the portal's own seed, then synthetic lines. */
export async function seedFleet(client: pg.ClientBase): Promise<SeedResult> {
  await seedDatabase(getPrisma(), { demoUsers: true });
  const base = await baseRows(client);
  const teams = await seedTeams(client);
  const rand = random(42);
  const lines = linePlans(teams).map((line) => ({
    ...line,
    recipeId: `br${line.index}`,
  }));
  const diffLine = {
    index: lines.length,
    name: "bench-diff-line",
    team: teams[0],
    golden: 2,
    versions: 2,
    recipeId: "br-diff",
  };
  const now = Date.now();
  const images = planImages(lines, now, rand);
  const pair = diffImages(diffLine, now, rand);
  const all = [...images, ...pair];

  await seedLines(client, [...lines, diffLine], all, base);
  await seedImageRows(client, all, base);
  const pool = cvePool();
  await seedFindings(client, pool, findingPlans(all, rand));
  await updateImageCounts(client);

  return {
    images: all.length,
    findings: all.reduce((sum, image) => sum + image.findings, 0),
    diffPair: [pair[0].id, pair[1].id],
  };
}

async function baseRows(client: pg.ClientBase): Promise<BaseRows> {
  const goldens = await client.query<{ id: string }>(
    `SELECT id FROM "GoldenImage" ORDER BY "sortOrder", slug`,
  );
  const components = await client.query<{ id: string }>(
    `SELECT id FROM "ComponentVersion" ORDER BY id LIMIT 12`,
  );

  return {
    goldens: goldens.rows.map((row) => row.id),
    components: components.rows.map((row) => row.id),
  };
}

/** Ten teams in all, each with an engineer who builds its images. */
async function seedTeams(client: pg.ClientBase): Promise<string[]> {
  await insertRows(
    client,
    "Team",
    ["id", "slug", "name", "isCcoe"],
    EXTRA_TEAMS.map((slug) => [`bt-${slug}`, slug, title(slug), false]),
  );
  const teams = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM "Team" ORDER BY slug`,
  );
  await insertRows(
    client,
    "User",
    ["id", "email", "name", "role", "teamId"],
    teams.rows.map((team) => [
      `bu-${team.id}`,
      `bench-${team.slug}@example.com`,
      `${title(team.slug)} Builder`,
      "engineer",
      team.id,
    ]),
  );

  return teams.rows.map((team) => team.id);
}

function planImages(
  lines: ImagePlan["line"][],
  now: number,
  rand: () => number,
): ImagePlan[] {
  const plans: ImagePlan[] = [];
  for (const line of lines) {
    const span = (200 + rand() * 520) * DAY;
    for (let rel = 0; rel < line.versions; rel += 1) {
      const at = now - span + (rel / line.versions) * span + rand() * DAY;
      const latest = rel === line.versions - 1;
      plans.push({
        id: `bi${plans.length}`,
        line,
        rel,
        status: buildStatus(latest, rand),
        createdAt: new Date(at),
        findings: 0,
      });
    }
  }

  // Only scanned (AVAILABLE) images have findings; together they carry
  // exactly SCALE.findings, unevenly so some images are clearly worse.
  const scanned = plans.filter((plan) => plan.status === "AVAILABLE");
  const mean = SCALE.findings / scanned.length;
  let left = SCALE.findings;
  scanned.forEach((plan, i) => {
    const rest = scanned.length - i - 1;
    const wanted = Math.round(mean * (0.6 + 0.8 * rand()));
    plan.findings = rest === 0 ? left : Math.min(wanted, left - rest * 50);
    left -= plan.findings;
  });

  return plans;
}

/** Two versions with 1,000 findings each, three quarters shared. */
function diffImages(
  line: ImagePlan["line"],
  now: number,
  rand: () => number,
): ImagePlan[] {
  const older = drawCves(SCALE.diffFindings, rand);
  const kept = older.filter(() => rand() < 0.75);
  const extra = new Set(kept);
  const fresh = drawCves(SCALE.diffFindings * 2, rand);
  for (const cve of fresh) {
    if (extra.size >= SCALE.diffFindings) break;
    if (!older.includes(cve)) extra.add(cve);
  }
  const newer = [...extra].sort((a, b) => a - b);

  return [older, newer].map((cves, rel) => ({
    id: `bi-diff-${rel}`,
    line,
    rel: rel * 6,
    status: "AVAILABLE",
    createdAt: new Date(now - (20 - rel * 10) * DAY),
    findings: cves.length,
    cves,
  }));
}

async function seedLines(
  client: pg.ClientBase,
  lines: ImagePlan["line"][],
  images: ImagePlan[],
  base: BaseRows,
) {
  await insertRows(
    client,
    "Recipe",
    ["id", "nameKey", "name", "teamId", "goldenImageId"],
    lines.map((line) => [
      line.recipeId,
      line.name,
      line.name,
      line.team,
      base.goldens[line.golden],
    ]),
  );
  await insertRows(
    client,
    "RecipeVersion",
    ["id", "recipeId", "version", "parentImage", "arn", "requestHash",
      "createdById", "createdAt"],
    images.map((image) => [
      `brv-${image.id}`,
      image.line.recipeId,
      versionOf(image),
      `ami-0${image.line.golden}aa00bb11cc22dd3`,
      `arn:aws:imagebuilder:us-east-1:${ACCOUNT}:image-recipe/` +
        `${image.line.name}/${versionOf(image)}`,
      `hash-${image.id}`,
      userOf(image),
      image.createdAt,
    ]),
  );
  const components = images.flatMap((image) =>
    [0, 1, 2].map((position) => [
      `brc-${image.id}-${position}`,
      `brv-${image.id}`,
      position,
      base.components[(image.line.index + position) % base.components.length],
      "{}",
    ]),
  );
  await insertRows(
    client,
    "RecipeComponent",
    ["id", "recipeVersionId", "position", "componentVersionId", "parameters"],
    components,
  );
}

function findingPlans(images: ImagePlan[], rand: () => number) {
  const plans: FindingPlan[] = [];
  for (const image of images) {
    if (image.findings === 0) continue;

    const cves = image.cves ?? drawCves(image.findings, rand);
    const seenAt = new Date(image.createdAt.getTime() + 4_200_000);
    const closedOdds = image.cves ? 0 : 0.08;
    for (const cve of cves) {
      plans.push({
        imageId: image.id,
        cve,
        closed: rand() < closedOdds,
        rel: image.rel,
        seenAt,
      });
    }
  }

  return plans;
}

function title(slug: string): string {
  return slug
    .split("-")
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(" ");
}
