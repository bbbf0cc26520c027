import Link from "next/link";

import { FilterProblems } from "@/components/forms/filter-problems";
import { SeverityChart } from "@/components/findings/severity-chart";
import { SeverityBadge } from "@/components/images/severity-badge";
import {
  SEVERITY_KEYS,
  type Counts,
} from "@/components/images/severity-counts";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { FindingDetails } from "@/lib/findings/map-finding";
import type { FindingsPage } from "@/lib/findings/queries";
import type { listNetworkFindings } from "@/lib/findings/queries";
import {
  filtersQuery,
  type FindingsFilters,
} from "@/lib/validations/findings-filters";

import { FindingsFilterBar } from "./findings-filters";
import { FindingsTable } from "./findings-table";

/** Chart, filters, the server-side table and its exports. */
export function FindingsSection({
  imageId,
  filters,
  page,
  problems,
}: {
  imageId: string;
  filters: FindingsFilters;
  page: FindingsPage;
  problems: string[];
}) {
  const path = `/images/${imageId}`;
  const exportQuery = filtersQuery(filters, { page: 1 });
  const exportHref = (format: string) =>
    `/api/exports/images/${imageId}/findings?format=${format}` +
    (exportQuery ? `&${exportQuery}` : "");
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.total, page.page * page.pageSize);

  return (
    <Card id="findings">
      <CardHeader
        title="Inspector findings"
        description="Filtered, sorted and paged on the server; exports hold every matching row"
        actions={
          <span className="flex gap-2">
            <a
              href={exportHref("csv")}
              className={buttonClass("secondary", "sm")}
            >
              Export CSV
            </a>
            <a
              href={exportHref("json")}
              className={buttonClass("secondary", "sm")}
            >
              Export JSON
            </a>
          </span>
        }
      />
      <div className="grid gap-2 border-b border-slate-100 md:grid-cols-[minmax(0,20rem)_1fr]">
        <div className="px-5 pt-4 md:border-r md:border-slate-100 md:pb-4">
          <p className="text-xs font-medium text-slate-500">
            By severity, for these filters
          </p>
          <SeverityChart counts={countsByKey(page.severityCounts)} />
        </div>
        <FindingsFilterBar path={path} filters={filters} />
      </div>
      {problems.length > 0 && (
        <div className="px-5 pt-4">
          <FilterProblems
            problems={problems}
            title="These filters cannot be applied, so they are left out:"
          />
        </div>
      )}
      <div className="flex items-center justify-between px-5 py-2 text-xs text-slate-500">
        <span data-testid="findings-total">
          {page.total === 0
            ? "No findings"
            : from > page.total
              ? `No findings on this page, of ${page.total}`
            : `${from}–${to} of ${page.total} findings`}
        </span>
        <Pager path={path} filters={filters} pages={pages} />
      </div>
      <FindingsTable path={path} filters={filters} rows={page.rows} />
      <div className="flex justify-end px-5 py-3 text-xs text-slate-500">
        <Pager path={path} filters={filters} pages={pages} />
      </div>
    </Card>
  );
}

function Pager({
  path,
  filters,
  pages,
}: {
  path: string;
  filters: FindingsFilters;
  pages: number;
}) {
  const link = (page: number, label: string, rel: string) =>
    page < 1 || page > pages ? (
      <span className="px-2 text-slate-300">{label}</span>
    ) : (
      <Link
        href={`${path}?${filtersQuery(filters, { page })}`}
        scroll={false}
        rel={rel}
        className="rounded px-2 py-0.5 text-brand-700 hover:bg-slate-100"
      >
        {label}
      </Link>
    );

  return (
    <nav aria-label="Findings pages" className="flex items-center gap-1">
      {link(filters.page - 1, "← Previous", "prev")}
      <span>
        Page {filters.page} of {pages}
      </span>
      {link(filters.page + 1, "Next →", "next")}
    </nav>
  );
}

/** Reachability findings: about where instances run, not the AMI. */
export function NetworkFindings({
  rows,
}: {
  rows: Awaited<ReturnType<typeof listNetworkFindings>>;
}) {
  if (rows.length === 0) return null;

  return (
    <Card data-testid="network-findings">
      <CardHeader
        title="Network reachability"
        description="Reachability depends on where the instance runs (VPC, security groups, ACLs), not on the AMI's contents. Inspector saw it on the build's test instance."
      />
      <ul className="divide-y divide-slate-100">
        {rows.map((row) => (
          <li key={row.id} className="space-y-1 px-5 py-3 text-sm">
            <div className="flex items-center gap-2">
              <SeverityBadge severity={row.severity} />
              <span className="font-medium">{row.title || "—"}</span>
            </div>
            <NetworkPath details={row.details} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function NetworkPath({ details }: { details: FindingDetails | null }) {
  if (details?.kind !== "network") return null;
  const range = details.portRange;
  const ports =
    range && range.begin === range.end
      ? `${range.begin}`
      : `${range?.begin ?? "?"}–${range?.end ?? "?"}`;

  return (
    <p className="text-xs text-slate-600">
      <span className="font-medium">
        {details.protocol ?? "?"} {ports} reachable
      </span>
      {" · "}
      {details.steps.map((step, index) => (
        <span key={`${step.componentId}-${index}`}>
          {index > 0 && <span className="text-slate-400"> → </span>}
          <span title={step.componentType} className="font-mono">
            {step.componentType.split("::").pop()} {step.componentId}
          </span>
        </span>
      ))}
    </p>
  );
}

/** The query counts by Inspector severity name; the chart by key. */
function countsByKey(bySeverity: Record<string, number>): Counts {
  return Object.fromEntries(
    SEVERITY_KEYS.map((key) => [key, bySeverity[key.toUpperCase()] ?? 0]),
  ) as Counts;
}
