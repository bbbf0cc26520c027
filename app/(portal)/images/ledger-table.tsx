import Link from "next/link";

import { AwsStateBadge } from "@/components/images/aws-state-badge";
import { StatusBadge } from "@/components/images/status-badge";
import { cn } from "@/components/ui/cn";
import type { LedgerRow } from "@/lib/ledger/queries";
import {
  ledgerSearch,
  type LedgerQuery,
  type LedgerSort,
} from "@/lib/validations/ledger-filters";

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

const COLUMNS: { label: string; sort?: LedgerSort; numeric?: boolean }[] = [
  { label: "Recipe", sort: "recipe" },
  { label: "Version", sort: "version" },
  { label: "Status", sort: "status" },
  { label: "Team", sort: "team" },
  { label: "Golden parent", sort: "golden" },
  { label: "AMIs" },
  { label: "Critical", sort: "critical", numeric: true },
  { label: "High", sort: "high", numeric: true },
  { label: "Total", sort: "total", numeric: true },
  { label: "Created (UTC)", sort: "created" },
];

export function LedgerTable({
  rows,
  query,
}: {
  rows: LedgerRow[];
  query: LedgerQuery;
}) {
  return (
    <table className="w-full text-left text-sm" data-testid="ledger-table">
      <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
        <tr>
          {COLUMNS.map((column) => (
            <Header key={column.label} {...column} query={query} />
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <Row key={row.id} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function Header({
  label,
  sort,
  numeric,
  query,
}: {
  label: string;
  sort?: LedgerSort;
  numeric?: boolean;
  query: LedgerQuery;
}) {
  const className = cn(
    "px-3 py-2.5 font-medium whitespace-nowrap",
    numeric && "text-right",
  );
  if (!sort) return <th className={className}>{label}</th>;

  const active = query.sort === sort;
  // Counts and dates are most useful largest / newest first.
  const first = numeric || sort === "created" ? "desc" : "asc";
  const dir = active ? (query.dir === "asc" ? "desc" : "asc") : first;
  const href = `/images${ledgerSearch(query, { sort, dir, page: 1 })}`;

  return (
    <th
      className={className}
      aria-sort={
        active ? (query.dir === "asc" ? "ascending" : "descending") : "none"
      }
    >
      <Link
        href={href}
        className={cn(
          "inline-flex items-center gap-1 hover:text-slate-900",
          active && "text-slate-900",
        )}
      >
        {label}
        <span aria-hidden className={cn(!active && "text-slate-300")}>
          {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

function Row({ row }: { row: LedgerRow }) {
  const scanned = row.findingsCollectedAt !== null;

  return (
    <tr className="relative align-top hover:bg-slate-50" data-image-id={row.id}>
      <td className="max-w-44 px-3 py-2.5">
        <Link
          href={`/images/${row.id}`}
          className="block truncate font-medium text-brand-700 after:absolute after:inset-0 hover:underline"
          title={row.recipe.name}
        >
          {row.recipe.name}
        </Link>
      </td>
      <td className="px-3 py-2.5">
        {/* Above the row link, so the version opens the line's timeline. */}
        <Link
          href={`/lines/${row.recipe.id}`}
          className="relative z-10 font-mono text-xs text-slate-600 hover:text-brand-700 hover:underline"
          title="Timeline of this image line"
        >
          {row.version}
        </Link>
      </td>
      <td className="px-3 py-2.5">
        <div className="flex flex-col items-start gap-1">
          <StatusBadge status={row.status} />
          <AwsStateBadge state={row.awsState} />
        </div>
      </td>
      <td className="px-3 py-2.5">{row.team.name}</td>
      <td className="min-w-32 px-3 py-2.5">
        {row.goldenImage.name}
        {row.goldenImage.osVersion !== row.goldenImage.name && (
          <div className="text-xs text-slate-500">
            {row.goldenImage.osVersion}
          </div>
        )}
      </td>
      <td className="px-3 py-2.5 font-mono text-[11px]">
        {row.amis.length === 0 ? (
          <span className="text-slate-400">—</span>
        ) : (
          row.amis.map((ami) => (
            <div
              key={`${ami.region}-${ami.accountId}`}
              className="whitespace-nowrap"
              title={ami.accountId ? `Account ${ami.accountId}` : undefined}
            >
              <span className="inline-block w-16 text-[10px] text-slate-400">
                {ami.region}
              </span>
              {ami.amiId}
            </div>
          ))
        )}
      </td>
      <Count
        value={scanned ? row.critical : null}
        tone="bg-red-600 text-white"
      />
      <Count
        value={scanned ? row.high : null}
        tone="bg-orange-500 text-white"
      />
      <td className="px-3 py-2.5 text-right tabular-nums">
        {scanned ? (
          <>
            {row.totalFindings ?? 0}
            {row.fixable > 0 && (
              <div className="text-xs text-emerald-700">
                {row.fixable} fixable
              </div>
            )}
          </>
        ) : (
          <span className="text-xs text-slate-400">
            {row.status === "FAILED" || row.status === "CANCELLED"
              ? "no scan"
              : "not scanned yet"}
          </span>
        )}
      </td>
      <td className="px-3 py-2.5 text-xs whitespace-nowrap text-slate-500">
        {time.format(row.createdAt)}
      </td>
    </tr>
  );
}

function Count({ value, tone }: { value: number | null; tone: string }) {
  return (
    <td className="px-3 py-2.5 text-right">
      {value === null ? (
        <span className="text-xs text-slate-400">—</span>
      ) : (
        <span
          className={cn(
            "inline-flex min-w-7 justify-center rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums",
            value === 0 ? "bg-slate-50 text-slate-400" : tone,
          )}
        >
          {value}
        </span>
      )}
    </td>
  );
}
