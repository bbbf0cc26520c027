import type { Metadata } from "next";
import Link from "next/link";

import { AutoRefresh } from "@/components/layout/auto-refresh";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { plural } from "@/lib/format";
import { jobStatus } from "@/lib/queries/pipelines";


export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage() {
  await requirePageUser(["admin"]);
  const status = await jobStatus();
  const now = Date.now();

  return (
    <>
      <AutoRefresh active />
      <PageHeader
        title="Background jobs"
        description="The reconciler runs on one portal instance at a time: whoever holds the lease."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Leases"
            description={`${plural(status.unfinished, "build")} waiting for status or findings`}
          />
          <DataTable
            columns={["Job", "Holder", "Lease", "Last pass", "Passes"]}
            data-testid="lease-table"
          >
            {status.leases.map((lease) => (
              <tr key={lease.name}>
                <td className="px-5 py-2 font-medium">{lease.name}</td>
                <td className="px-5 py-2 font-mono text-xs">{lease.holder}</td>
                <td className="px-5 py-2 text-xs">
                  {lease.expiresAt.getTime() > now
                    ? `held, expires ${lease.expiresAt.toISOString()}`
                    : "expired (free)"}
                </td>
                <td className="px-5 py-2 text-xs">
                  {lease.lastEndedAt?.toISOString() ?? "—"} ·{" "}
                  {plural(lease.lastItems, "item")}
                  {lease.lastError && (
                    <div className="text-red-700">{lease.lastError}</div>
                  )}
                </td>
                <td className="px-5 py-2">{lease.runs}</td>
              </tr>
            ))}
            {status.leases.length === 0 && (
              <tr>
                <td colSpan={5} className="px-5 py-4 text-slate-500">
                  No job has run yet.
                </td>
              </tr>
            )}
          </DataTable>
        </Card>
        <Card>
          <CardHeader
            title="Received events"
            description={`${status.eventCount} applied at most once each; latest 20`}
            actions={
              <Link
                href="/security/intake"
                className="text-xs text-brand-700 hover:underline"
              >
                Refused payloads, account alerts, other resources →
              </Link>
            }
          />
          <ul className="divide-y divide-slate-100 text-xs">
            {status.recentEvents.map((event) => (
              <li key={event.id} className="grid grid-cols-4 gap-2 px-5 py-2">
                <span>{event.receivedAt.toISOString()}</span>
                <span>{event.detailType}</span>
                <span className="truncate font-mono">{event.resource}</span>
                <span>{event.outcome}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
