import Link from "next/link";

import {
  epssText,
  FixBadge,
  PackageVersions,
  ScoreCell,
} from "@/components/findings/finding-cells";
import { SeverityBadge } from "@/components/images/severity-badge";
import { Badge } from "@/components/ui/badge";
import type { FindingListRow } from "@/lib/findings/queries";
import {
  defaultDirection,
  filtersQuery,
  type FindingsFilters,
  type SortColumn,
} from "@/lib/validations/findings-filters";

const HEADERS: { label: string; sort?: SortColumn }[] = [
  { label: "CVE", sort: "cve" },
  { label: "Package: installed → fixed", sort: "package" },
  { label: "Severity", sort: "severity" },
  { label: "Score", sort: "score" },
  { label: "EPSS", sort: "epss" },
  { label: "Exploit", sort: "exploit" },
  { label: "Fix", sort: "fix" },
];

/** One server-sorted page; headers are links that change the sort. */
export function FindingsTable({
  path,
  filters,
  rows,
}: {
  path: string;
  filters: FindingsFilters;
  rows: FindingListRow[];
}) {
  const dir = filters.dir ?? defaultDirection(filters.sort);

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="findings-table">
        <thead className="border-y border-slate-200 bg-slate-50 text-xs text-slate-500">
          <tr>
            {HEADERS.map((header) => {
              const active = header.sort === filters.sort;
              const next =
                active && dir === defaultDirection(header.sort!)
                  ? dir === "asc" ? "desc" : "asc"
                  : defaultDirection(header.sort!);
              const query = filtersQuery(filters, {
                sort: header.sort,
                dir: next,
                page: 1,
              });

              // Severity sorts by rank (critical = 0): rank ascending is
              // worst first, which reads as descending severity.
              const shown =
                header.sort === "severity" ? (dir === "asc" ? "desc" : "asc") : dir;

              return (
                <th
                  key={header.label}
                  className="px-4 py-2 font-medium"
                  aria-sort={
                    active ? (shown === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  <Link
                    href={`${path}?${query}`}
                    scroll={false}
                    className="inline-flex items-center gap-1 hover:text-slate-900"
                  >
                    {header.label}
                    <span aria-hidden className="text-slate-400">
                      {active ? (shown === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-slate-50/70">
              <td className="px-4 py-2">
                {row.vulnerabilityId ? (
                  <Link
                    href={`/cves/${encodeURIComponent(row.vulnerabilityId)}`}
                    className="font-mono text-xs font-medium text-brand-700 hover:underline"
                  >
                    {row.vulnerabilityId}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
                {row.status !== "ACTIVE" && (
                  <Badge className="ml-2">{row.status.toLowerCase()}</Badge>
                )}
              </td>
              <td className="px-4 py-2">
                <PackageVersions packages={row.packages} />
              </td>
              <td className="px-4 py-2">
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="px-4 py-2">
                <ScoreCell
                  score={row.inspectorScore}
                  source={row.scoreSource}
                  cvss={row.cvss}
                />
              </td>
              <td className="px-4 py-2 tabular-nums">{epssText(row.epss)}</td>
              <td className="px-4 py-2">
                {row.exploitAvailable ? (
                  <Badge tone="red">Yes</Badge>
                ) : (
                  <span className="text-slate-400">No</span>
                )}
              </td>
              <td className="px-4 py-2">
                <FixBadge value={row.fixAvailable} />
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={HEADERS.length} className="px-5 py-6 text-slate-500">
                No finding matches these filters.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
