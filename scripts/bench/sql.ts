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

/** The SQL twin of the visibility rule for an engineer of team $1. */
const ENGINEER_SEES = `(i."teamId" = $1 OR i.status = 'AVAILABLE')`;

export interface LedgerSqlOptions {
  /** Visibility of an engineer whose team id is the first parameter. */
  engineer: boolean;
  /** Extra conditions on `i` (after visibility), already parameterised. */
  where: string;
  orderBy: string;
  limit: number;
}

/**
 * The ledger page as the page shows it: one page of rows with team, line,
 * golden parent and AMIs, the total, and the filter bar's choices.
 */
export function ledgerPage(options: LedgerSqlOptions): string {
  const where = [options.engineer ? ENGINEER_SEES : "TRUE", options.where]
    .filter(Boolean)
    .join(" AND ");

  return `
  WITH hits AS (
    SELECT i.id, i.version, i.status, i."awsState", i."awsStateAt",
      i."createdAt", i."findingsCollectedAt", ${COUNTS},
      i."totalFindings", i.fixable, i."teamId", i."recipeId",
      i."goldenImageId", count(*) OVER () AS total
    FROM "Image" AS i
    JOIN "Team" AS t ON t.id = i."teamId"
    WHERE ${where}
    ORDER BY ${options.orderBy}
    LIMIT ${options.limit}
  )
  SELECT i.*, t.name AS team, r.name AS recipe, g.name AS golden,
    g."osVersion", ${AMIS},
    (SELECT json_agg(json_build_object('slug', slug, 'name', name)
      ORDER BY name) FROM "Team") AS teams,
    (SELECT json_agg(json_build_object('slug', slug, 'name', name,
      'osVersion', "osVersion") ORDER BY "sortOrder")
      FROM "GoldenImage") AS goldens
  FROM hits AS i
  JOIN "Team" AS t ON t.id = i."teamId"
  JOIN "Recipe" AS r ON r.id = i."recipeId"
  JOIN "GoldenImage" AS g ON g.id = i."goldenImageId"
  ORDER BY ${options.orderBy}`;
}

const SEVERITY_RANK = `CASE f.severity WHEN 'CRITICAL' THEN 0
  WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3
  WHEN 'INFORMATIONAL' THEN 4 WHEN 'UNTRIAGED' THEN 5 ELSE 6 END`;

const COMPONENTS = `COALESCE((
    SELECT json_agg(json_build_object('position', rc.position,
      'parameters', rc.parameters, 'version', cv.version,
      'status', cv.status, 'arn', cv.arn, 'reviewedAt', cv."reviewedAt",
      'publishedAt', cv."publishedAt", 'reviewedBy', ru.name,
      'name', c.name, 'type', c.type) ORDER BY rc.position)
    FROM "RecipeComponent" AS rc
    JOIN "ComponentVersion" AS cv ON cv.id = rc."componentVersionId"
    JOIN "Component" AS c ON c.id = cv."componentId"
    LEFT JOIN "User" AS ru ON ru.id = cv."reviewedById"
    WHERE rc."recipeVersionId" = rv.id), '[]') AS components`;

/**
 * The whole image page (/images/[id]) in one statement: the image with its
 * recipe snapshot, AMIs, status history and ledger facts, one page of
 * findings (extra conditions on `f`, no severity filter), the
 * per-severity counts, network
 * findings and archived reports.
 */
export function imagePage(findingsWhere: string, sortFirst = ""): string {
  const base = `f."imageId" = i.id AND f.status = 'ACTIVE'
    AND f.type = 'PACKAGE_VULNERABILITY'`;
  const filtered = [base, findingsWhere].filter(Boolean).join(" AND ");

  return `
  SELECT ${LIST_COLUMNS}, i."statusReason", i."scanStatus", i."buildType",
    i."finishedAt", i."infrastructureArn", i."distributionArn",
    i."awsState", i."awsStateAt", i."awsCheckedAt", i."recipeId",
    u.name AS "createdBy", u.email AS "createdByEmail",
    g."osVersion", g."parentImage", g.platform, g.architecture,
    rv.arn AS "recipeArn", rv.description, rv."parentImage" AS "rvParent",
    rv."createdAt" AS "rvCreatedAt", rvu.name AS "rvCreatedBy",
    p.id AS "pipelineId", p.name AS "pipelineName",
    ${COMPONENTS},
    COALESCE((
      SELECT json_agg(json_build_object('status', e.status,
        'reason', e.reason, 'at', e.at) ORDER BY e.at)
      FROM "ImageStatusEvent" AS e WHERE e."imageId" = i.id), '[]')
      AS events,
    COALESCE((
      SELECT json_agg(page) FROM (
        SELECT f.id, f."vulnerabilityId", f.title, f.type, f.severity,
          f.status, f.packages, f."inspectorScore", f."scoreSource", f.cvss,
          f.epss, f."exploitAvailable", f."fixAvailable",
          f."firstObservedAt"
        FROM "Finding" AS f WHERE ${filtered}
        ORDER BY ${sortFirst} ${SEVERITY_RANK},
          f."inspectorScore" DESC NULLS LAST, f."vulnerabilityId", f.id
        LIMIT 50) AS page), '[]') AS findings,
    (SELECT json_object_agg(severity, n) FROM (
      SELECT f.severity, count(*) AS n FROM "Finding" AS f
      WHERE ${filtered}
      GROUP BY f.severity) AS counts) AS "severityCounts",
    COALESCE((
      SELECT json_agg(n) FROM (
        SELECT f.id, f.title, f.severity, f.description, f.details,
          f."firstObservedAt"
        FROM "Finding" AS f
        WHERE f."imageId" = i.id AND f.type = 'NETWORK_REACHABILITY'
          AND f.status = 'ACTIVE'
        ORDER BY f."firstObservedAt" DESC, f.id LIMIT 100) AS n), '[]')
      AS network,
    COALESCE((
      SELECT json_agg(r ORDER BY r."createdAt" DESC)
      FROM "FindingsReport" AS r WHERE r."imageId" = i.id), '[]')
      AS reports
  FROM "Image" AS i ${LIST_JOINS}
  JOIN "User" AS u ON u.id = i."createdById"
  LEFT JOIN "User" AS rvu ON rvu.id = rv."createdById"
  LEFT JOIN "Pipeline" AS p ON p.id = i."pipelineId"
  WHERE i.id = $1`;
}

/** The line timeline: the recipe, its images, each version's components. */
export const LINE_TIMELINE = `
  WITH images AS (
    SELECT i.id, i.version, i.status, i."awsState", i."awsStateAt",
      i."createdAt", i."findingsCollectedAt", ${COUNTS},
      i."totalFindings", i."recipeVersionId", rv.version AS "rvVersion"
    FROM "Image" AS i
    JOIN "RecipeVersion" AS rv ON rv.id = i."recipeVersionId"
    WHERE i."recipeId" = $1
  )
  SELECT r.id AS "recipeId", r.name, t.name AS team, g.name AS golden,
    g."osVersion",
    (SELECT json_agg(images ORDER BY "createdAt" DESC, id DESC)
      FROM images) AS images,
    (SELECT json_object_agg(v.id, (
      SELECT json_agg(json_build_object('name', c.name,
        'version', cv.version) ORDER BY rc.position)
      FROM "RecipeComponent" AS rc
      JOIN "ComponentVersion" AS cv ON cv.id = rc."componentVersionId"
      JOIN "Component" AS c ON c.id = cv."componentId"
      WHERE rc."recipeVersionId" = v.id))
      FROM (SELECT DISTINCT "recipeVersionId" AS id FROM images) AS v)
      AS components
  FROM "Recipe" AS r
  JOIN "Team" AS t ON t.id = r."teamId"
  JOIN "GoldenImage" AS g ON g.id = r."goldenImageId"
  WHERE r.id = $1`;

/** A CVE across the fleet: newest record, total, newest 500 findings. */
export const CVE_DETAIL = `
  SELECT f.id, f.status, f.severity, f."fixAvailable", f.packages,
    f."firstObservedAt", i.id AS "imageId", i.version,
    i.status AS "imageStatus", i."createdAt", r.name AS recipe,
    t.name AS team,
    (SELECT row_to_json(l) FROM (
      SELECT title, description, severity, "vendorSeverity",
        "inspectorScore", "scoreSource", "scoreVector", cvss, epss,
        "exploitAvailable", "referenceUrls", "sourceUrl"
      FROM "Finding" WHERE "vulnerabilityId" = $1
      ORDER BY "updatedAt" DESC NULLS LAST, id LIMIT 1) AS l) AS latest,
    (SELECT count(*) FROM "Finding" WHERE "vulnerabilityId" = $1) AS total
  FROM "Finding" AS f
  JOIN "Image" AS i ON i.id = f."imageId"
  JOIN "Recipe" AS r ON r.id = i."recipeId"
  JOIN "Team" AS t ON t.id = i."teamId"
  WHERE f."vulnerabilityId" = $1
  ORDER BY i."createdAt" DESC, f.id
  LIMIT 500`;

/** The fleet: newest released, scanned image of each visible line. */
function latest(engineer: boolean): string {
  return `latest AS (
    SELECT DISTINCT ON (i."recipeId") i.id, i."recipeId", i."teamId",
      i.version, i."createdAt", i."awsState", ${COUNTS}, i.fixable
    FROM "Image" AS i
    WHERE i.status = 'AVAILABLE' AND i."findingsCollectedAt" IS NOT NULL
      ${engineer ? `AND ${ENGINEER_SEES}` : ""}
    ORDER BY i."recipeId", i."createdAt" DESC, i.id DESC
  )`;
}

const ACTIVE_CVE = `f.status = 'ACTIVE' AND f.type = 'PACKAGE_VULNERABILITY'`;
const RANK6 = `CASE f.severity WHEN 'CRITICAL' THEN 6 WHEN 'HIGH' THEN 5
  WHEN 'MEDIUM' THEN 4 WHEN 'LOW' THEN 3 WHEN 'INFORMATIONAL' THEN 2
  ELSE 1 END`;

const FLEET_PARTS = {
  summary: `SELECT count(*) AS lines, sum(critical) AS critical,
      sum(high) AS high, sum(medium) AS medium, sum(low) AS low,
      sum(informational) AS informational, sum(untriaged) AS untriaged,
      sum(fixable) AS fixable,
      count(*) FILTER (WHERE critical + high > 0) AS "withCriticalOrHigh"
    FROM latest`,
  worst: (limit: string) => `SELECT l.id, l."recipeId", r.name, l.version,
      t.name AS team, l."createdAt", l."awsState", l.critical, l.high,
      l.medium, l.low, l.fixable
    FROM latest AS l JOIN "Recipe" AS r ON r.id = l."recipeId"
    JOIN "Team" AS t ON t.id = l."teamId"
    WHERE l.critical + l.high + l.medium > 0
    ORDER BY l.critical DESC, l.high DESC, l.medium DESC, r.name, l.id
    LIMIT ${limit}`,
  cves: (limit: string) => `SELECT "vulnerabilityId", count(*) AS images,
      max(rank) AS rank, max(score) AS "maxScore", bool_or(fix) AS fix,
      bool_or(partial) AS partial, bool_or(exploit) AS exploit
    FROM (
      SELECT f."imageId", f."vulnerabilityId", max(${RANK6}) AS rank,
        max(f."inspectorScore") AS score,
        bool_or(f."fixAvailable" = 'YES') AS fix,
        bool_or(f."fixAvailable" = 'PARTIAL') AS partial,
        bool_or(f."exploitAvailable") AS exploit
      FROM latest AS l JOIN "Finding" AS f ON f."imageId" = l.id
      WHERE ${ACTIVE_CVE}
      GROUP BY f."imageId", f."vulnerabilityId") AS per_image
    GROUP BY "vulnerabilityId"
    ORDER BY images DESC, rank DESC, "maxScore" DESC NULLS LAST,
      "vulnerabilityId"
    LIMIT ${limit}`,
  overdue: (cutoff: string) => `SELECT l.id, r.name, l.version,
      t.name AS team, o.critical, o.high, o.since, o.cves,
      count(*) OVER () AS total
    FROM (
      SELECT "imageId", count(*) FILTER (WHERE rank = 6) AS critical,
        count(*) FILTER (WHERE rank = 5) AS high, min(since) AS since,
        array_agg("vulnerabilityId" ORDER BY rank DESC, since,
          "vulnerabilityId") AS cves
      FROM (
        SELECT f."imageId", f."vulnerabilityId", max(${RANK6}) AS rank,
          min(f."firstObservedAt") AS since
        FROM latest AS l JOIN "Finding" AS f ON f."imageId" = l.id
        WHERE ${ACTIVE_CVE} AND f.severity IN ('CRITICAL', 'HIGH')
          AND f."fixAvailable" IN ('YES', 'PARTIAL')
        GROUP BY f."imageId", f."vulnerabilityId"
        HAVING min(f."firstObservedAt") < ${cutoff}) AS per_cve
      GROUP BY "imageId") AS o
    JOIN latest AS l ON l.id = o."imageId"
    JOIN "Recipe" AS r ON r.id = l."recipeId"
    JOIN "Team" AS t ON t.id = l."teamId"
    ORDER BY o.critical DESC, o.high DESC, o.since, l.id
    LIMIT 100`,
  trend: (engineer: boolean, first: string, last: string) => `
    WITH spans AS (
      SELECT i."createdAt" AS "from", lead(i."createdAt") OVER (
          PARTITION BY i."recipeId" ORDER BY i."createdAt", i.id) AS until,
        i.critical, i.high, i.medium, i.low
      FROM "Image" AS i
      WHERE i.status = 'AVAILABLE' AND i."findingsCollectedAt" IS NOT NULL
        ${engineer ? `AND ${ENGINEER_SEES}` : ""}
    )
    SELECT w AS "weekStart", count(s."from") AS lines,
      coalesce(sum(s.critical), 0) AS critical,
      coalesce(sum(s.high), 0) AS high,
      coalesce(sum(s.medium), 0) AS medium,
      coalesce(sum(s.low), 0) AS low
    FROM generate_series(${first}::timestamp, ${last}::timestamp,
      interval '7 days') AS w
    LEFT JOIN spans AS s ON s."from" < w + interval '7 days'
      AND (s.until IS NULL OR s.until >= w + interval '7 days')
    GROUP BY w ORDER BY w`,
};

/**
 * One fleet query. Parameters: engineer team id first (when engineer),
 * then the part's own (limit; cutoff; first and last week).
 */
export function fleetPart(
  part: "summary" | "worst" | "cves" | "overdue" | "trend",
  engineer: boolean,
): string {
  const p = (n: number) => `$${n + (engineer ? 1 : 0)}`;
  if (part === "trend") return FLEET_PARTS.trend(engineer, p(1), p(2));
  const body =
    part === "summary"
      ? FLEET_PARTS.summary
      : part === "overdue"
        ? FLEET_PARTS.overdue(`${p(1)}::timestamp`)
        : FLEET_PARTS[part](p(1));

  return `WITH ${latest(engineer)} ${body}`;
}

/**
 * The whole dashboard in one statement. Parameters: [engineer team id],
 * worst limit, CVE limit, overdue cutoff, first week, last week.
 */
export function fleetDashboard(engineer: boolean): string {
  const p = (n: number) => `$${n + (engineer ? 1 : 0)}`;
  const agg = (sql: string) => `(SELECT json_agg(x) FROM (${sql}) AS x)`;

  return `WITH ${latest(engineer)}
  SELECT (SELECT row_to_json(x) FROM (${FLEET_PARTS.summary}) AS x)
      AS summary,
    ${agg(FLEET_PARTS.worst(p(1)))} AS worst,
    ${agg(FLEET_PARTS.cves(p(2)))} AS cves,
    ${agg(FLEET_PARTS.overdue(`${p(3)}::timestamp`))} AS overdue,
    ${agg(FLEET_PARTS.trend(engineer, p(4), p(5)))}
      AS trend`;
}
