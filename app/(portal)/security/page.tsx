import type { Metadata } from "next";

import { FilterProblems } from "@/components/forms/filter-problems";
import { SEVERITY_STYLES } from "@/components/images/severity-counts";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { fleetDashboard } from "@/lib/fleet/queries";
import { plural } from "@/lib/format";
import { readFleetParams } from "@/lib/validations/fleet";

import { OverdueTable, TopCvesTable, WorstImagesTable } from "./fleet-tables";
import { SeverityChart } from "@/components/findings/severity-chart";
import { TrendChart } from "./trend-chart";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { params, problems } = readFleetParams(await searchParams);
  const { summary, worst, cves, overdue, trend } = await fleetDashboard(
    user,
    params,
  );
  const scope = user.role === "engineer" ? " you can see" : "";

  return (
    <>
      <PageHeader
        title="Fleet security"
        description={`Active Inspector findings of the latest released, scanned image of each image line${scope}: ${plural(summary.lines, "line")}.`}
      />
      <FilterProblems
        problems={problems}
        title="These values cannot be applied, so the defaults are shown:"
      />
      <div className="space-y-6">
        <div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
          {(["critical", "high", "medium", "low"] as const).map((key) => (
            <Stat
              key={key}
              label={SEVERITY_STYLES[key].label}
              value={summary[key]}
              tone={key}
            />
          ))}
          <Stat
            label="Lines with critical or high"
            value={summary.withCriticalOrHigh}
            of={summary.lines}
          />
          <Stat label="Findings with a fix" value={summary.fixable} />
        </div>

        <div className="grid gap-6 lg:grid-cols-5">
          <Card className="lg:col-span-2">
            <CardHeader
              title="Findings by severity"
              description="Across the fleet today"
            />
            <div className="px-3 py-4">
              <SeverityChart counts={summary} />
            </div>
          </Card>
          <Card className="lg:col-span-3">
            <CardHeader
              title="Over time"
              description={`Each week's latest image of every line, last ${params.weeks} weeks`}
            />
            <div className="px-3 py-4">
              <TrendChart
                points={trend.map((week) => ({
                  ...week,
                  week: week.weekStart.toISOString(),
                }))}
              />
            </div>
          </Card>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card className="overflow-x-auto">
            <CardHeader
              title="Worst images"
              description="By critical, then high, then medium findings"
            />
            <WorstImagesTable rows={worst} />
          </Card>
          <Card className="overflow-x-auto">
            <CardHeader
              title="CVEs affecting most images"
              description={`Top ${params.cves} by number of fleet images`}
              actions={<Downloads path="/api/exports/fleet/cves" query="" />}
            />
            <TopCvesTable rows={cves} lines={summary.lines} />
          </Card>
        </div>

        <Card className="overflow-x-auto">
          <CardHeader
            title={`Fixes available for more than ${params.days} days`}
            description={
              overdue.total > overdue.rows.length
                ? `Critical and high findings; ${overdue.rows.length} of ${overdue.total} images shown`
                : `Critical and high findings; ${plural(overdue.total, "image")}`
            }
            actions={
              <div className="flex items-center gap-3">
                <form className="flex items-center gap-2" action="/security">
                  <label htmlFor="days" className="text-xs text-slate-500">
                    Days
                  </label>
                  <input
                    id="days"
                    name="days"
                    type="number"
                    min={0}
                    max={3650}
                    defaultValue={params.days}
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
                  />
                  <button
                    type="submit"
                    className={buttonClass("secondary", "sm")}
                  >
                    Apply
                  </button>
                </form>
                <Downloads
                  path="/api/exports/fleet/overdue"
                  query={`days=${params.days}&`}
                />
              </div>
            }
          />
          <OverdueTable rows={overdue.rows} />
        </Card>
      </div>
    </>
  );
}

const STAT_TONES = {
  critical: "text-red-700",
  high: "text-orange-600",
  medium: "text-amber-600",
  low: "text-sky-700",
} as const;

function Stat({
  label,
  value,
  of,
  tone,
}: {
  label: string;
  value: number;
  of?: number;
  tone?: keyof typeof STAT_TONES;
}) {
  return (
    <Card className="px-4 py-3" data-testid={`stat-${tone ?? label}`}>
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div
        className={cn(
          "mt-1 text-2xl font-semibold tabular-nums",
          tone ? STAT_TONES[tone] : "text-slate-900",
        )}
      >
        {value.toLocaleString("en-GB")}
        {of !== undefined && (
          <span className="ml-1 text-sm font-normal text-slate-400">
            of {of}
          </span>
        )}
      </div>
    </Card>
  );
}

function Downloads({ path, query }: { path: string; query: string }) {
  return (
    <div className="flex gap-1">
      {(["csv", "json"] as const).map((format) => (
        <a
          key={format}
          href={`${path}?${query}format=${format}`}
          className={buttonClass("secondary", "sm")}
          download
        >
          {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
