import { randomUUID } from "node:crypto";

import { query } from "../support/db";
import {
  ACCOUNT,
  insertImage,
  rowId,
  type LineRef,
} from "../support/image-rows";

/** Ids of everything one run of the ledger journey creates. */
export interface LedgerFixture {
  suffix: string;
  payLine: string;
  payImages: string[];
  topImage: string;
  etlLine: string;
  etlAvailable: string;
  etlFailed: string;
  cve: string;
}

/**
 * Rows written straight into the portal's database: a Payments line with
 * 27 scanned builds that have critical or high findings (one deleted in
 * AWS), and an Analytics line with a released image and a failed build.
 */
export async function createLedgerFixture(): Promise<LedgerFixture> {
  const suffix = randomUUID().slice(0, 8);
  const [payments, analytics] = await teamIds(["payments", "analytics"]);
  const [eric, emma, rachel] = await userIds([
    "eric@example.com",
    "emma@example.com",
    "rachel@example.com",
  ]);
  const [golden] = await query<{ id: string; parentImage: string }>(
    `SELECT id, "parentImage" FROM "GoldenImage" WHERE slug = 'amazon-linux-2023'`,
  );
  const componentVersion = await approvedComponent(
    suffix,
    payments,
    eric,
    rachel,
  );

  const payLine = await line(
    `ledger-pay-${suffix}`,
    payments,
    golden,
    eric,
    componentVersion,
  );
  const payImages: string[] = [];
  for (let n = 0; n < 27; n += 1) {
    const critical = n === 13 ? 50 : n % 3;
    payImages.push(
      await insertImage(payLine, {
        build: n + 1,
        status: "AVAILABLE",
        // Minutes apart, all in the past, so the order is known.
        createdAt: new Date(Date.now() - (60 - n) * 60_000),
        critical,
        high: 1 + (n % 4),
        awsState: n === 13 ? "DELETED" : null,
      }),
    );
  }
  const topImage = payImages[13];
  await query(
    `INSERT INTO "ImageAmi" (id, "imageId", region, "accountId", "amiId")
     VALUES ($1, $3, 'us-east-1', '${ACCOUNT}', 'ami-0e2e1edge000000a1'),
            ($2, $3, 'eu-west-1', '444455556666', 'ami-0e2e1edge000000b2')`,
    [rowId("ami"), rowId("ami"), topImage],
  );

  const etlLine = await line(
    `ledger-etl-${suffix}`,
    analytics,
    golden,
    emma,
    componentVersion,
  );
  const etlAvailable = await insertImage(etlLine, {
    build: 1,
    status: "AVAILABLE",
    createdAt: new Date(Date.now() - 30 * 60_000),
    critical: 0,
    high: 1,
    awsState: null,
  });
  const etlFailed = await insertImage(etlLine, {
    build: 2,
    status: "FAILED",
    createdAt: new Date(Date.now() - 20 * 60_000),
    critical: 0,
    high: 0,
    awsState: null,
  });
  const cve = `CVE-2099-${suffix.replace(/[a-f]/g, "1").slice(0, 5)}`;
  await query(
    `INSERT INTO "Finding" (id, "imageId", "findingArn", "vulnerabilityId",
       title, description, severity, status, "packageName",
       "installedVersion", "fixedInVersion", packages, "fixAvailable", raw)
     VALUES ($1, $2, $3, $4, $4 || ' in openssl', 'Test finding', 'HIGH',
       'ACTIVE', 'openssl', '3.0.1', '3.0.9',
       '[{"name":"openssl","version":"3.0.1","fixedInVersion":"3.0.9"}]',
       'YES', '{}')`,
    [
      rowId("finding"),
      etlAvailable,
      `arn:aws:inspector2:us-east-1:${ACCOUNT}:finding/${suffix}`,
      cve,
    ],
  );

  return {
    suffix,
    payLine: payLine.id,
    payImages,
    topImage,
    etlLine: etlLine.id,
    etlAvailable,
    etlFailed,
    cve,
  };
}

async function teamIds(slugs: string[]) {
  return Promise.all(
    slugs.map(async (slug) => {
      const [row] = await query<{ id: string }>(
        `SELECT id FROM "Team" WHERE slug = $1`,
        [slug],
      );

      return row.id;
    }),
  );
}

async function userIds(emails: string[]) {
  return Promise.all(
    emails.map(async (email) => {
      const [row] = await query<{ id: string }>(
        `SELECT id FROM "User" WHERE email = $1`,
        [email],
      );

      return row.id;
    }),
  );
}

async function approvedComponent(
  suffix: string,
  teamId: string,
  author: string,
  reviewer: string,
): Promise<string> {
  const component = rowId("component");
  const version = rowId("cv");
  await query(
    `INSERT INTO "Component" (id, name, platform, "supportedOsVersions", type,
       description, "ownerTeamId")
     VALUES ($1, $2, 'Linux', '{}', 'BUILD', 'Ledger journey tool', $3)`,
    [component, `ledger-tool-${suffix}`, teamId],
  );
  await query(
    `INSERT INTO "ComponentVersion" (id, "componentId", version, status,
       document, parameters, "changeDescription", arn, "createdById",
       "submittedAt", "reviewedById", "reviewedAt", "publishedAt")
     VALUES ($1, $2, '1.0.0', 'published', 'x', '[]', 'first', $3, $4,
       now(), $5, '2026-11-02T10:00:00Z', '2026-11-02T10:05:00Z')`,
    [
      version,
      component,
      `arn:aws:imagebuilder:us-east-1:${ACCOUNT}:component/ledger-tool-${suffix}/1.0.0/1`,
      author,
      reviewer,
    ],
  );

  return version;
}

async function line(
  name: string,
  teamId: string,
  golden: { id: string; parentImage: string },
  authorId: string,
  componentVersionId: string,
): Promise<LineRef> {
  const recipe = rowId("recipe");
  const versionId = rowId("rv");
  await query(
    `INSERT INTO "Recipe" (id, "nameKey", name, "teamId", "goldenImageId")
     VALUES ($1, $2, $2, $3, $4)`,
    [recipe, name, teamId, golden.id],
  );
  await query(
    `INSERT INTO "RecipeVersion" (id, "recipeId", version, "parentImage", arn,
       "requestHash", "createdById")
     VALUES ($1, $2, '1.0.0', $3, $4, $1, $5)`,
    [
      versionId,
      recipe,
      golden.parentImage,
      `arn:aws:imagebuilder:us-east-1:${ACCOUNT}:image-recipe/${name}/1.0.0`,
      authorId,
    ],
  );
  await query(
    `INSERT INTO "RecipeComponent" (id, "recipeVersionId", position,
       "componentVersionId", parameters)
     VALUES ($1, $2, 0, $3, '{"Mode":"strict"}')`,
    [rowId("rc"), versionId, componentVersionId],
  );

  return { id: recipe, name, teamId, goldenId: golden.id, authorId, versionId };
}
