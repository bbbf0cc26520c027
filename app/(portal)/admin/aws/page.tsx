import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { checkConnection, type AccountCheck } from "@/lib/aws/connection-check";

export const metadata: Metadata = { title: "AWS connection" };
export const dynamic = "force-dynamic";

export default async function AwsConnectionPage() {
  await requirePageUser(["admin"]);
  const report = await checkConnection();
  const local = report.mode === "local";

  return (
    <>
      <PageHeader
        title="AWS connection"
        description={
          local
            ? "The portal runs against its local Image Builder and Inspector emulator."
            : "The portal talks to AWS with the standard credential chain."
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
        <Fact label="Mode" value={local ? "Local emulator" : "AWS"} />
        <Fact label="Region" value={report.region} />
        <Fact label="Attempts per call" value={String(report.maxAttempts)} />
        {local && (
          <Fact label="Events sent to" value={report.eventsUrl ?? "nowhere"} />
        )}
      </dl>
      <AccountSection title="Portal account" check={report.home} />
      {report.targets.map((target) => (
        <AccountSection
          key={target.accountId}
          title={`Target account ${target.accountId}`}
          check={target}
        />
      ))}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium break-all text-slate-900">{value}</dd>
    </div>
  );
}

function AccountSection({
  title,
  check,
}: {
  title: string;
  check: AccountCheck;
}) {
  return (
    <Card className="mb-6 p-5" aria-label={title}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">
        Identity: {check.identity ?? "unknown"}
        {check.roleArn && <> · through role {check.roleArn}</>}
      </p>
      <table className="mt-4 w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 font-medium">Read call</th>
            <th className="py-1 font-medium">Result</th>
            <th className="py-1 font-medium">Detail</th>
            <th className="py-1 text-right font-medium">Time</th>
          </tr>
        </thead>
        <tbody>
          {check.calls.map((call) => (
            <tr key={call.call} className="border-t border-slate-100">
              <td className="py-2">{call.call}</td>
              <td className="py-2">
                <Badge tone={call.ok ? "green" : "red"}>
                  {call.ok ? "succeeded" : "failed"}
                </Badge>
              </td>
              <td className="py-2 text-slate-600">{call.detail}</td>
              <td className="py-2 text-right text-slate-500">{call.ms} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
