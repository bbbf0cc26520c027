import { createHash } from "node:crypto";

import { audit } from "../../lib/audit";
import { txSql, type Tx } from "../../lib/db";
import { arnName, resourceArn } from "../../lib/aws/emulator/arns";
import type { OsKey } from "../../lib/aws/emulator/base-images";
import { ingestFindings } from "../../lib/findings/ingest";
import { GOLDEN_IMAGES } from "../seed-data/teams-users";
import { historyFindings } from "./findings";
import type { DemoLine } from "./lines";
import { HISTORY_ACCOUNT, type PlannedBuild } from "./plan";

/** What a line needs from the seeded catalogue, looked up once. */
export interface Catalogue {
  teams: Map<string, string>;
  users: Map<string, string>;
  goldens: Map<string, { id: string; parentImage: string; platform: string }>;
  /** Component name → its approved version. */
  components: Map<
    string,
    {
      id: string;
      document: string;
      platform: string;
      mandatory: boolean;
      defaults: Record<string, string>;
    }
  >;
  infrastructureArn: string;
  distributionArn: string;
}

const SCOPE = { region: "us-east-1", accountId: HISTORY_ACCOUNT };
const SOURCE = "demo-history";

/** Writes one line: its recipe, versions, builds and their findings. */
export async function writeLine(
  tx: Tx,
  line: DemoLine,
  builds: PlannedBuild[],
  catalogue: Catalogue,
): Promise<{ images: number; findings: number }> {
  const golden = catalogue.goldens.get(line.golden)!;
  const teamId = catalogue.teams.get(line.team)!;
  const recipe = await tx.recipe.create({
    data: {
      nameKey: line.name.toLowerCase(),
      name: line.name,
      teamId,
      goldenImageId: golden.id,
      createdAt: builds[0].createdAt,
    },
  });

  const versionIds = new Map<string, string>();
  let findings = 0;
  for (const build of builds) {
    let recipeVersionId = versionIds.get(build.version.version);
    if (!recipeVersionId) {
      recipeVersionId = await writeRecipeVersion(tx, line, build, {
        recipeId: recipe.id,
        parentImage: golden.parentImage,
        catalogue,
      });
      versionIds.set(build.version.version, recipeVersionId);
    }
    findings += await writeImage(tx, line, build, {
      recipeId: recipe.id,
      recipeVersionId,
      teamId,
      goldenImageId: golden.id,
      catalogue,
    });
  }

  return { images: builds.length, findings };
}

async function writeRecipeVersion(
  tx: Tx,
  line: DemoLine,
  build: PlannedBuild,
  context: { recipeId: string; parentImage: string; catalogue: Catalogue },
): Promise<string> {
  const { version } = build;
  const arn = resourceArn(
    SCOPE,
    "image-recipe",
    arnName(line.name),
    version.version,
  );
  const items = version.components.map(([name, parameters], position) => {
    const component = context.catalogue.components.get(name)!;

    return {
      position,
      componentVersionId: component.id,
      // As the composer sends them: every default, then what was set.
      parameters: { ...component.defaults, ...parameters },
    };
  });
  const row = await tx.recipeVersion.create({
    data: {
      recipeId: context.recipeId,
      version: version.version,
      description: version.description,
      parentImage: context.parentImage,
      arn,
      requestHash: createHash("sha256")
        .update(JSON.stringify({ name: line.name, items, arn }))
        .digest("hex"),
      createdById: context.catalogue.users.get(build.author)!,
      createdAt: build.createdAt,
      components: { create: items },
    },
  });
  await audit(tx, {
    actorId: null,
    action: "recipe.import",
    entityType: "RecipeVersion",
    entityId: row.id,
    details: { source: SOURCE, name: line.name, version: version.version, arn },
  });

  return row.id;
}

async function writeImage(
  tx: Tx,
  line: DemoLine,
  build: PlannedBuild,
  context: {
    recipeId: string;
    recipeVersionId: string;
    teamId: string;
    goldenImageId: string;
    catalogue: Catalogue;
  },
): Promise<number> {
  const { catalogue } = context;
  const version = `${build.version.version}/${build.build}`;
  const arn = resourceArn(SCOPE, "image", arnName(line.name), version);
  const deleted = {
    status: "DELETED",
    at: build.awsStateAt,
    reason: build.awsStateReason,
  };
  const image = await tx.image.create({
    data: {
      arn,
      version,
      status: build.status,
      statusReason: build.statusReason,
      buildType: "USER_INITIATED",
      teamId: context.teamId,
      recipeVersionId: context.recipeVersionId,
      recipeId: context.recipeId,
      goldenImageId: context.goldenImageId,
      createdById: catalogue.users.get(build.author)!,
      infrastructureArn: catalogue.infrastructureArn,
      distributionArn: catalogue.distributionArn,
      scanStatus: build.status === "AVAILABLE" ? "COMPLETED" : "ABANDONED",
      createdAt: build.createdAt,
      finishedAt: build.finishedAt,
      lastSyncedAt: build.finishedAt,
      findingsCollectedAt: build.collectedAt,
      awsState: "DELETED",
      awsStateAt: build.awsStateAt,
      awsCheckedAt: build.awsStateAt,
      events: { create: [...build.events, deleted] },
      amis: {
        create: build.amis.map((ami) => ({
          ...ami,
          accountId: HISTORY_ACCOUNT,
        })),
      },
    },
  });

  let findings = 0;
  const home = build.amis.find((ami) => ami.region === SCOPE.region);
  if (home && build.scannedAt) {
    const raws = historyFindings({
      imageArn: arn,
      amiId: home.amiId,
      accountId: HISTORY_ACCOUNT,
      region: SCOPE.region,
      osKey: osKeyOf(line.golden),
      documents: build.version.components.map(
        ([name]) => catalogue.components.get(name)!.document,
      ),
      scannedAt: build.scannedAt,
    });
    const result = await ingestFindings(txSql(tx), raws);
    findings = result.attached;
  }
  await audit(tx, {
    actorId: null,
    action: "image.import",
    entityType: "Image",
    entityId: image.id,
    details: {
      source: SOURCE,
      arn,
      recipe: line.name,
      version,
      status: build.status,
      findings,
    },
  });

  return findings;
}

function osKeyOf(goldenSlug: string): OsKey {
  const golden = GOLDEN_IMAGES.find((image) => image.slug === goldenSlug);
  if (!golden) throw new Error(`Unknown golden image ${goldenSlug}`);

  return golden.osKey;
}
