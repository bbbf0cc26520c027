import Link from "next/link";

import { SeverityBadge } from "@/components/images/severity-badge";
import { cn } from "@/components/ui/cn";
import type { DiffGroup, DiffRow } from "@/lib/fleet/diff-findings";

const TH = "px-4 py-2 font-medium";
const TD = "px-4 py-2 align-top";

/** One group of the diff; each side shows installed → fixed-in versions. */
export function DiffTable({ group, rows }: { group: DiffGroup; rows: DiffRow[] }) {
  if (rows.length === 0) {
    return <p className="px-5 py-4 text-sm text-slate-500">None.</p>;
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={`diff-${group}`}>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className={TH}>CVE</th>
            <th className={TH}>Package</th>
            <th className={TH}>Severity</th>
            <th className={`${TH} text-right`}>Score</th>
            <th className={TH}>Older version</th>
            <th className={TH}>Newer version</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={`${row.vulnerabilityId} ${row.packageName}`}>
              <td className={TD}>
                <Link
                  href={`/cves/${encodeURIComponent(row.vulnerabilityId)}`}
                  className="font-mono text-xs font-medium text-brand-700 hover:underline"
                >
                  {row.vulnerabilityId}
                </Link>
              </td>
              <td className={TD}>{row.packageName ?? "—"}</td>
              <td className={TD}>
                <SeverityBadge severity={row.severity} />
              </td>
              <td className={`${TD} text-right tabular-nums`}>
                {row.score?.toFixed(1) ?? "—"}
              </td>
              <td className={TD}>
                <Side side={row.older} changed={isChanged(row)} />
              </td>
              <td className={TD}>
                <Side side={row.newer} changed={isChanged(row)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Side({ side, changed }: { side: DiffRow["older"]; changed: boolean }) {
  if (!side) return <span className="text-xs text-slate-400">not present</span>;

  return (
    <span className="font-mono text-xs">
      <span className={cn(changed && "font-semibold")}>
        {side.installedVersion ?? "—"}
      </span>
      {side.fixedInVersion && (
        <span className="block text-slate-500">fixed in {side.fixedInVersion}</span>
      )}
    </span>
  );
}

function isChanged(row: DiffRow): boolean {
  return Boolean(
    row.older &&
      row.newer &&
      row.older.installedVersion !== row.newer.installedVersion,
  );
}
