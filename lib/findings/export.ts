import "server-only";

import type { CurrentUser } from "../auth/session";
import { toCsv, type CsvColumn } from "../exports/csv";
import type { FindingsFilters } from "../validations/findings-filters";
import { displayVersion, installedVersion } from "./map-finding";
import { exportImageFindings, type FindingExportRow } from "./queries";

const COLUMNS: CsvColumn<FindingExportRow>[] = [
  { header: "cve", value: (row) => row.vulnerabilityId },
  { header: "title", value: (row) => row.title },
  { header: "type", value: (row) => row.type },
  { header: "severity", value: (row) => row.severity },
  { header: "status", value: (row) => row.status },
  { header: "packages", value: (row) => packagesText(row) },
  { header: "score", value: (row) => row.inspectorScore },
  { header: "scoreSource", value: (row) => row.scoreSource },
  { header: "scoreVector", value: (row) => row.scoreVector },
  { header: "epss", value: (row) => row.epss },
  { header: "exploitAvailable", value: (row) => row.exploitAvailable },
  { header: "fixAvailable", value: (row) => row.fixAvailable },
  { header: "firstObservedAt", value: (row) => iso(row.firstObservedAt) },
  { header: "updatedAt", value: (row) => iso(row.updatedAt) },
];

/** "name installed -> fixed" for every package, `;`-separated. */
export function packagesText(row: Pick<FindingExportRow, "packages">) {
  return row.packages
    .map((pkg) => {
      const fixed = displayVersion(pkg.fixedInVersion) ?? "no fix yet";

      return `${pkg.name} ${installedVersion(pkg) ?? "?"} -> ${fixed}`;
    })
    .join("; ");
}

/** The export file of exactly what the filters select; null if hidden. */
export async function imageFindingsExport(
  user: CurrentUser,
  imageId: string,
  filters: FindingsFilters,
  format: "csv" | "json",
) {
  const result = await exportImageFindings(user, imageId, filters);
  if (!result) return null;

  const name = `findings-${result.image.recipe.name}-${result.image.version}`;
  const { page: _page, pageSize: _size, ...selection } = filters;
  const body =
    format === "csv"
      ? toCsv(COLUMNS, result.rows)
      : JSON.stringify(
          {
            image: result.image,
            filters: selection,
            total: result.rows.length,
            findings: result.rows,
          },
          null,
          2,
        );

  return { body, filename: `${name.replace(/[^\w.-]+/g, "-")}.${format}` };
}

function iso(date: Date | null) {
  return date?.toISOString() ?? "";
}
