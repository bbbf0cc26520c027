// Hand-written SQL for each case: the same rows the portal function
// returns, fetched the way one would by hand (one statement, joins and
// json aggregates), as the yardstick for the portal's query.

const COUNTS = `i.critical, i.high, i.medium, i.low, i.informational,
  i.untriaged`;

const AMIS = `COALESCE((
    SELECT json_agg(json_build_object('region', a.region,
      'accountId', a."accountId", 'amiId', a."amiId")
      ORDER BY a.region, a."accountId")
    FROM "ImageAmi" AS a WHERE a."imageId" = i.id), '[]') AS amis`;

const LIST_COLUMNS = `i.id, i.arn, i.version, i.status, i."createdAt",
  i."findingsCollectedAt", t.name AS team, g.name AS golden,
  g.slug AS "goldenSlug", rv.version AS "recipeVersion",
  r.name AS recipe, ${COUNTS}, ${AMIS}`;

const LIST_JOINS = `JOIN "Team" AS t ON t.id = i."teamId"
  JOIN "GoldenImage" AS g ON g.id = i."goldenImageId"
  JOIN "RecipeVersion" AS rv ON rv.id = i."recipeVersionId"
  JOIN "Recipe" AS r ON r.id = rv."recipeId"`;

/** listImages: the newest 200 builds with their AMIs. */
export const LEDGER_PAGE = `
  SELECT ${LIST_COLUMNS}
  FROM "Image" AS i ${LIST_JOINS}
  ORDER BY i."createdAt" DESC
  LIMIT 200`;

/** getImage: one image with its recipe components and status history. */
export const IMAGE_DETAIL = `
  SELECT ${LIST_COLUMNS}, i."statusReason", i."scanStatus", i."buildType",
    i."finishedAt", i."infrastructureArn", i."distributionArn",
    u.name AS "createdBy", g."osVersion", g."parentImage",
    rv.arn AS "recipeArn",
    COALESCE((
      SELECT json_agg(json_build_object('parameters', rc.parameters,
        'version', cv.version, 'arn', cv.arn, 'name', c.name,
        'type', c.type) ORDER BY rc.position)
      FROM "RecipeComponent" AS rc
      JOIN "ComponentVersion" AS cv ON cv.id = rc."componentVersionId"
      JOIN "Component" AS c ON c.id = cv."componentId"
      WHERE rc."recipeVersionId" = rv.id), '[]') AS components,
    COALESCE((
      SELECT json_agg(json_build_object('status', e.status,
        'reason', e.reason, 'at', e.at) ORDER BY e.at)
      FROM "ImageStatusEvent" AS e WHERE e."imageId" = i.id), '[]')
      AS events
  FROM "Image" AS i ${LIST_JOINS}
  JOIN "User" AS u ON u.id = i."createdById"
  WHERE i.id = $1`;

/** listImageFindings: every finding of one image, worst first. */
export const IMAGE_FINDINGS = `
  SELECT id, "vulnerabilityId", title, severity, "packageName",
    "installedVersion", "fixedInVersion", packages, "inspectorScore",
    "exploitAvailable", "fixAvailable"
  FROM "Finding"
  WHERE "imageId" = $1
  ORDER BY array_position(ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW',
      'INFORMATIONAL', 'UNTRIAGED'], severity),
    "inspectorScore" DESC NULLS LAST, "vulnerabilityId"`;

/** listGoldenImages: each golden image, its build count, latest scan. */
export const GOLDEN_CATALOG = `
  SELECT g.id, g.slug, g.name, g."osVersion", g.platform, g.architecture,
    g."currentVersion", g."parentImage", g.description,
    t.name AS "ownerTeam",
    (SELECT count(*) FROM "Image" AS c WHERE c."goldenImageId" = g.id)
      AS "buildCount",
    latest.id AS "latestId", latest."createdAt" AS "latestAt",
    latest.critical, latest.high, latest.medium, latest.low,
    latest.informational, latest.untriaged
  FROM "GoldenImage" AS g
  JOIN "Team" AS t ON t.id = g."ownerTeamId"
  LEFT JOIN LATERAL (
    SELECT ${COUNTS}, i.id, i."createdAt" FROM "Image" AS i
    WHERE i."goldenImageId" = g.id AND i."findingsCollectedAt" IS NOT NULL
    ORDER BY i."createdAt" DESC LIMIT 1
  ) AS latest ON true
  ORDER BY g."sortOrder"`;

/**
 * Version diff of two images (from $1 to $2), active package findings
 * keyed by CVE and package: new, fixed or carried, with both versions.
 */
export const VERSION_DIFF = `
  WITH a AS (
    SELECT "vulnerabilityId", "packageName", "installedVersion", severity
    FROM "Finding"
    WHERE "imageId" = $1 AND status = 'ACTIVE'
      AND type = 'PACKAGE_VULNERABILITY'
  ), b AS (
    SELECT "vulnerabilityId", "packageName", "installedVersion", severity
    FROM "Finding"
    WHERE "imageId" = $2 AND status = 'ACTIVE'
      AND type = 'PACKAGE_VULNERABILITY'
  )
  SELECT COALESCE(b."vulnerabilityId", a."vulnerabilityId") AS cve,
    COALESCE(b."packageName", a."packageName") AS package,
    CASE WHEN a."vulnerabilityId" IS NULL THEN 'new'
      WHEN b."vulnerabilityId" IS NULL THEN 'fixed'
      ELSE 'carried' END AS change,
    a."installedVersion" AS "fromVersion",
    b."installedVersion" AS "toVersion",
    COALESCE(b.severity, a.severity) AS severity
  FROM a FULL JOIN b
    ON b."vulnerabilityId" = a."vulnerabilityId"
    AND b."packageName" IS NOT DISTINCT FROM a."packageName"
  ORDER BY change, cve, package`;

/** Both sides' rows, for the in-memory reference diff. */
export const DIFF_SIDES = `
  SELECT "imageId", "vulnerabilityId", "packageName", "installedVersion",
    severity
  FROM "Finding"
  WHERE "imageId" = ANY($1::text[]) AND status = 'ACTIVE'
    AND type = 'PACKAGE_VULNERABILITY'`;
