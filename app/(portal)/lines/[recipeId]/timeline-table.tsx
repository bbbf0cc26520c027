import Link from "next/link";

import { AwsStateBadge } from "@/components/images/aws-state-badge";
import { SeverityCounts } from "@/components/images/severity-counts";
import { StatusBadge } from "@/components/images/status-badge";
import type { ComponentChange } from "@/lib/ledger/component-changes";
import type { TimelineRow } from "@/lib/ledger/timeline";

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function TimelineTable({ rows }: { rows: TimelineRow[] }) {
  return (
    <table className="w-full text-left text-sm" data-testid="timeline-table">
      <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2.5 font-medium">Image</th>
          <th className="px-4 py-2.5 font-medium">Status</th>
          <th className="px-4 py-2.5 font-medium">Components changed</th>
          <th className="px-4 py-2.5 font-medium">Findings</th>
          <th className="px-4 py-2.5 font-medium">Created (UTC)</th>
          <th className="px-4 py-2.5 font-medium">
            <span className="sr-only">Compare</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id} className="align-top" data-image-id={row.id}>
            <td className="px-4 py-3">
              <Link
                href={`/images/${row.id}`}
                className="font-mono text-sm font-medium text-brand-700 hover:underline"
              >
                {row.version}
              </Link>
              <div className="text-xs text-slate-500">
                recipe {row.recipeVersion.version}
              </div>
            </td>
            <td className="px-4 py-3">
              <div className="flex flex-col items-start gap-1">
                <StatusBadge status={row.status} />
                <AwsStateBadge state={row.awsState} />
              </div>
            </td>
            <td className="px-4 py-3">
              <Changes changes={row.changes} />
            </td>
            <td className="px-4 py-3">
              <SeverityCounts
                compact
                counts={row.findingsCollectedAt ? row : null}
                status={row.status}
              />
            </td>
            <td className="px-4 py-3 text-xs whitespace-nowrap text-slate-500">
              {time.format(row.createdAt)}
            </td>
            <td className="px-4 py-3 text-right whitespace-nowrap">
              {row.previousImageId && (
                <Link
                  href={`/images/${row.id}/diff?against=${row.previousImageId}`}
                  className="text-xs font-medium text-brand-700 hover:underline"
                >
                  Compare with previous
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changes({
  changes,
}: {
  changes: ComponentChange[] | "same" | null;
}) {
  if (changes === null) {
    return <span className="text-xs text-slate-400">First build shown</span>;
  }
  if (changes === "same") {
    return (
      <span className="text-xs text-slate-400">
        Rebuild of the same recipe version
      </span>
    );
  }
  if (changes.length === 0) {
    return <span className="text-xs text-slate-400">No component change</span>;
  }

  return (
    <ul className="space-y-0.5 text-xs" data-testid="component-changes">
      {changes.map((change) => (
        <li key={`${change.kind}-${change.name}`}>
          {change.kind === "added" && (
            <span className="text-emerald-700">
              + {change.name} {change.version}
            </span>
          )}
          {change.kind === "removed" && (
            <span className="text-red-700">
              − {change.name} {change.version}
            </span>
          )}
          {change.kind === "bumped" && (
            <span className="text-slate-700">
              ↑ {change.name} {change.from} → {change.to}
            </span>
          )}
          {change.kind === "reconfigured" && (
            <span className="text-slate-700">
              ≈ {change.name} {change.version}: other parameters
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
