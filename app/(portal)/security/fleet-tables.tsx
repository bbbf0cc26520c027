import Link from "next/link";

import { SeverityBadge } from "@/components/images/severity-badge";
import { SeverityCounts } from "@/components/images/severity-counts";
import { Badge } from "@/components/ui/badge";
import type { FleetCve, FleetImage, OverdueImage } from "@/lib/fleet/queries";

const date = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeZone: "UTC",
});

const TH = "px-4 py-2 font-medium";
const TD = "px-4 py-2.5 align-top";

export function WorstImagesTable({ rows }: { rows: FleetImage[] }) {
  if (rows.length === 0) return <Empty>No image has open findings.</Empty>;

  return (
    <table className="w-full text-left text-sm" data-testid="worst-images">
      <thead className="bg-slate-50 text-xs text-slate-500">
        <tr>
          <th className={TH}>Image</th>
          <th className={TH}>Team</th>
          <th className={TH}>Findings</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((image) => (
          <tr key={image.id} className="hover:bg-slate-50/70">
            <td className={TD}>
              <Link
                href={`/images/${image.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {image.recipeName}
              </Link>
              <div className="font-mono text-xs text-slate-500">
                {image.version}
                {image.awsState && (
                  <Badge tone="slate" className="ml-2">
                    {image.awsState}
                  </Badge>
                )}
              </div>
            </td>
            <td className={TD}>{image.teamName}</td>
            <td className={TD}>
              <SeverityCounts
                compact
                counts={{ ...image, informational: 0, untriaged: 0 }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TopCvesTable({
  rows,
  lines,
}: {
  rows: FleetCve[];
  lines: number;
}) {
  if (rows.length === 0) return <Empty>No active CVEs in the fleet.</Empty>;

  return (
    <table className="w-full text-left text-sm" data-testid="top-cves">
      <thead className="bg-slate-50 text-xs text-slate-500">
        <tr>
          <th className={TH}>CVE</th>
          <th className={TH}>Images</th>
          <th className={TH}>Max severity</th>
          <th className={`${TH} text-right`}>Score</th>
          <th className={TH}>Fix</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((cve) => (
          <tr key={cve.vulnerabilityId} className="hover:bg-slate-50/70">
            <td className={TD}>
              <Link
                href={`/cves/${encodeURIComponent(cve.vulnerabilityId)}`}
                className="font-mono text-xs font-medium text-brand-700 hover:underline"
              >
                {cve.vulnerabilityId}
              </Link>
              {cve.exploitAvailable && (
                <Badge tone="red" className="ml-2">
                  Exploit
                </Badge>
              )}
            </td>
            <td className={TD}>
              <ShareBar value={cve.images} total={lines} />
            </td>
            <td className={TD}>
              <SeverityBadge severity={cve.severity} />
            </td>
            <td className={`${TD} text-right tabular-nums`}>
              {cve.maxScore?.toFixed(1) ?? "—"}
            </td>
            <td className={TD}>
              <FixLabel value={cve.fixAvailable} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OverdueTable({ rows }: { rows: OverdueImage[] }) {
  if (rows.length === 0) {
    return (
      <Empty>
        No critical or high finding has waited that long for its fix.
      </Empty>
    );
  }

  return (
    <table className="w-full text-left text-sm" data-testid="overdue-fixes">
      <thead className="bg-slate-50 text-xs text-slate-500">
        <tr>
          <th className={TH}>Image</th>
          <th className={TH}>Team</th>
          <th className={`${TH} text-right`}>Critical</th>
          <th className={`${TH} text-right`}>High</th>
          <th className={TH}>Fix available since</th>
          <th className={TH}>CVEs</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-slate-50/70">
            <td className={TD}>
              <Link
                href={`/images/${row.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {row.recipeName}
              </Link>
              <div className="font-mono text-xs text-slate-500">
                {row.version}
              </div>
            </td>
            <td className={TD}>{row.teamName}</td>
            <td
              className={`${TD} text-right font-semibold tabular-nums text-red-700`}
            >
              {row.critical || (
                <span className="font-normal text-slate-400">0</span>
              )}
            </td>
            <td
              className={`${TD} text-right font-semibold tabular-nums text-orange-700`}
            >
              {row.high || (
                <span className="font-normal text-slate-400">0</span>
              )}
            </td>
            <td className={`${TD} whitespace-nowrap`}>
              {date.format(row.oldestSince)}
              <div className="text-xs text-slate-500">
                {daysSince(row.oldestSince)} days
              </div>
            </td>
            <td className={TD}>
              <CveList cves={row.cves} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CveList({ cves }: { cves: string[] }) {
  const shown = cves.slice(0, 4);
  const rest = cves.slice(4);
  const chip = (cve: string) => (
    <Link
      key={cve}
      href={`/cves/${encodeURIComponent(cve)}`}
      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 hover:bg-slate-200"
    >
      {cve}
    </Link>
  );

  return (
    <div className="flex max-w-md flex-wrap gap-1">
      {shown.map(chip)}
      {rest.length > 0 && (
        <details className="w-full">
          <summary className="cursor-pointer text-xs text-brand-700">
            {rest.length} more
          </summary>
          <div className="mt-1 flex flex-wrap gap-1">{rest.map(chip)}</div>
        </details>
      )}
    </div>
  );
}

function ShareBar({ value, total }: { value: number; total: number }) {
  const share = total === 0 ? 0 : Math.round((value / total) * 100);

  return (
    <span
      className="flex items-center gap-2"
      title={`${value} of ${total} image lines`}
    >
      <span className="w-8 text-right font-semibold tabular-nums">{value}</span>
      <span className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-100">
        <span
          className="block h-full bg-brand-500"
          style={{ width: `${share}%` }}
        />
      </span>
    </span>
  );
}

function FixLabel({ value }: { value: string }) {
  if (value === "YES") return <Badge tone="green">Yes</Badge>;
  if (value === "PARTIAL") return <Badge tone="amber">Partial</Badge>;

  return <span className="text-slate-400">No</span>;
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="px-5 py-6 text-sm text-slate-500">{children}</p>;
}

function daysSince(when: Date): number {
  return Math.floor((Date.now() - when.getTime()) / 86_400_000);
}
