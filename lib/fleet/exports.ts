import "server-only";

import { signInFirst } from "../auth/route";
import { currentUser, type CurrentUser } from "../auth/session";
import { toCsv } from "../exports/csv";
import { badRequest } from "../route-errors";
import {
  readExportFormat,
  readFleetParams,
  searchRecord,
} from "../validations/fleet";
import type { DiffGroup, DiffRow } from "./diff-findings";
import type { FleetCve, OverdueImage } from "./queries";

// The fleet and diff downloads: the same rows the pages show, as CSV or
// JSON. JSON objects use the column keys, CSV the column headers.

interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | boolean | null;
}

export const CVE_COLUMNS: Column<FleetCve>[] = [
  { key: "cve", header: "CVE", value: (r) => r.vulnerabilityId },
  { key: "images", header: "Images", value: (r) => r.images },
  { key: "severity", header: "Max severity", value: (r) => r.severity },
  { key: "maxScore", header: "Max score", value: (r) => r.maxScore },
  { key: "fixAvailable", header: "Fix available", value: (r) => r.fixAvailable },
  { key: "exploit", header: "Exploit", value: (r) => r.exploitAvailable },
];

export const OVERDUE_COLUMNS: Column<OverdueImage>[] = [
  { key: "imageId", header: "Image id", value: (r) => r.id },
  { key: "recipe", header: "Image line", value: (r) => r.recipeName },
  { key: "version", header: "Version", value: (r) => r.version },
  { key: "team", header: "Team", value: (r) => r.teamName },
  { key: "critical", header: "Critical", value: (r) => r.critical },
  { key: "high", header: "High", value: (r) => r.high },
  {
    key: "fixAvailableSince",
    header: "Fix available since",
    value: (r) => r.oldestSince.toISOString(),
  },
  { key: "cves", header: "CVEs", value: (r) => r.cves.join(" ") },
];

export type GroupedDiffRow = DiffRow & { group: DiffGroup };

export const DIFF_COLUMNS: Column<GroupedDiffRow>[] = [
  { key: "group", header: "Group", value: (r) => r.group },
  { key: "cve", header: "CVE", value: (r) => r.vulnerabilityId },
  { key: "package", header: "Package", value: (r) => r.packageName },
  { key: "severity", header: "Severity", value: (r) => r.severity },
  { key: "score", header: "Score", value: (r) => r.score },
  {
    key: "olderInstalled",
    header: "Older installed",
    value: (r) => r.older?.installedVersion ?? null,
  },
  {
    key: "olderFixedIn",
    header: "Older fixed in",
    value: (r) => r.older?.fixedInVersion ?? null,
  },
  {
    key: "newerInstalled",
    header: "Newer installed",
    value: (r) => r.newer?.installedVersion ?? null,
  },
  {
    key: "newerFixedIn",
    header: "Newer fixed in",
    value: (r) => r.newer?.fixedInVersion ?? null,
  },
];

/** A download response of `rows` in the asked format. */
export function exportResponse<T>(
  format: "csv" | "json",
  name: string,
  columns: Column<T>[],
  rows: T[],
): Response {
  const body =
    format === "csv"
      ? toCsv(columns, rows)
      : JSON.stringify(
          rows.map((row) =>
            Object.fromEntries(columns.map((c) => [c.key, c.value(row)])),
          ),
          null,
          2,
        );

  return new Response(body, {
    headers: {
      "content-type":
        format === "csv" ? "text/csv; charset=utf-8" : "application/json",
      "content-disposition": `attachment; filename="${name}.${format}"`,
      "cache-control": "no-store",
    },
  });
}

/** GET handler of a fleet list download: session, parameters, rows. */
export function fleetExport<T>(
  name: (days: number) => string,
  columns: Column<T>[],
  load: (user: CurrentUser, days: number, cves: number) => Promise<T[]>,
) {
  return async function GET(request: Request): Promise<Response> {
    const user = await currentUser();
    if (!user) return signInFirst();

    const search = searchRecord(request.url);
    const { params, problems } = readFleetParams(search);
    const { format, problems: formatProblems } = readExportFormat(search);
    if (problems.length || formatProblems.length) {
      return badRequest([...problems, ...formatProblems]);
    }
    const rows = await load(user, params.days, params.cves);

    return exportResponse(format, name(params.days), columns, rows);
  };
}
