import type { Metadata } from "next";

import { SeverityBadge } from "@/components/images/severity-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { intakeOverview } from "@/lib/findings/intake";

export const metadata: Metadata = { title: "Finding intake" };
export const dynamic = "force-dynamic";

const TH = "px-5 py-2 font-medium";
const TD = "px-5 py-2 align-top";

export default async function IntakePage() {
  await requirePageUser(["security", "admin"]);
  const intake = await intakeOverview();

  return (
    <>
      <PageHeader
        title="Finding intake"
        description="Inspector input that belongs to no portal image: account alerts, findings of other resources, malformed findings and refused payloads."
      />
      <div className="space-y-6">
        <Card data-testid="account-alerts">
          <CardHeader
            title="Account alerts"
            description="Raised by Inspector account events, once per event"
          />
          <ul className="divide-y divide-slate-100 text-sm">
            {intake.alerts.map((alert) => (
              <li key={alert.id} className="px-5 py-3">
                <div className="flex items-center gap-2">
                  <Badge tone="red">{alert.kind}</Badge>
                  <span className="font-mono text-xs">
                    {alert.accountId ?? "?"} · {alert.region ?? "?"}
                  </span>
                  <span className="ml-auto text-xs text-slate-500">
                    {alert.createdAt.toISOString()}
                  </span>
                </div>
                <p className="mt-1 text-slate-700">{alert.message}</p>
              </li>
            ))}
            {intake.alerts.length === 0 && (
              <li className="px-5 py-4 text-slate-500">No account alert.</li>
            )}
          </ul>
        </Card>

        <Card data-testid="resource-findings">
          <CardHeader
            title="Findings of other resources"
            description={`${intake.resourceTotal} kept (${intake.malformedTotal} malformed); latest 50. Container images, Lambda functions and AMIs the portal did not build.`}
          />
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className={TH}>Resource</th>
                <th className={TH}>Finding</th>
                <th className={TH}>Severity</th>
                <th className={TH}>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {intake.resources.map((row) => (
                <tr key={row.id}>
                  <td className={TD}>
                    <div className="text-xs text-slate-500">
                      {row.resourceType ?? "no resource"}
                    </div>
                    <div className="font-mono text-xs break-all">
                      {row.label ?? "—"}
                    </div>
                    {row.tags.length > 0 && (
                      <div className="text-xs text-slate-500">
                        tags {row.tags.join(", ")}
                      </div>
                    )}
                  </td>
                  <td className={TD}>
                    <div>{row.title || "—"}</div>
                    <div className="text-xs text-slate-500">{row.type}</div>
                    {row.malformed && (
                      <Badge tone="amber" className="mt-1">
                        malformed: {row.problem}
                      </Badge>
                    )}
                  </td>
                  <td className={TD}>
                    <SeverityBadge severity={row.severity} />
                  </td>
                  <td className={TD}>
                    {row.status === "UNKNOWN" ? "—" : row.status.toLowerCase()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>

        <Card data-testid="rejected-events">
          <CardHeader
            title="Refused payloads"
            description="Not valid JSON; kept as received, nothing else was stored"
          />
          <ul className="divide-y divide-slate-100 text-sm">
            {intake.rejected.map((event) => (
              <li key={event.id} className="space-y-1 px-5 py-3">
                <div className="flex gap-2">
                  <span className="text-red-700">{event.error}</span>
                  <span className="ml-auto text-xs text-slate-500">
                    {event.receivedAt.toISOString()}
                  </span>
                </div>
                <pre className="max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">
                  {event.payload.slice(0, 4000)}
                </pre>
              </li>
            ))}
            {intake.rejected.length === 0 && (
              <li className="px-5 py-4 text-slate-500">No refused payload.</li>
            )}
          </ul>
        </Card>
      </div>
    </>
  );
}
