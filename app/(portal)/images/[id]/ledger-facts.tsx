import Link from "next/link";

import { AwsStateBadge } from "@/components/images/aws-state-badge";
import { goldenName } from "@/components/images/golden-name";
import { Card, CardHeader } from "@/components/ui/card";
import type { LedgerRecord } from "@/lib/ledger/image-record";

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

function when(value: Date | null): string {
  return value ? `${time.format(value)} UTC` : "—";
}

/** Who built the image, from what, and where it stands in AWS. */
export function LedgerFacts({ record }: { record: LedgerRecord }) {
  const golden = record.goldenImage;
  const facts: [string, React.ReactNode][] = [
    ["Golden parent", goldenName(golden)],
    ["Platform", `${golden.platform} · ${golden.architecture}`],
    [
      "Parent image",
      <span key="parent" className="font-mono text-xs break-all">
        {record.recipeVersion.parentImage}
      </span>,
    ],
    ["Built by", `${record.createdBy.name} <${record.createdBy.email}>`],
    [
      "Pipeline",
      record.pipeline ? (
        <Link
          key="pipeline"
          href={`/pipelines/${record.pipeline.id}`}
          className="text-brand-700 hover:underline"
        >
          {record.pipeline.name}
        </Link>
      ) : (
        "None (one-off build)"
      ),
    ],
    ["Started", when(record.createdAt)],
    ["Finished", when(record.finishedAt)],
    [
      "In AWS",
      record.awsState ? (
        <span key="aws" className="flex flex-wrap items-center gap-2">
          <AwsStateBadge state={record.awsState} />
          <span className="text-xs text-slate-500">
            since {when(record.awsStateAt)}
          </span>
        </span>
      ) : (
        "Present"
      ),
    ],
    ["Last checked in AWS", when(record.awsCheckedAt)],
  ];

  return (
    <Card data-testid="ledger-facts">
      <CardHeader
        title="Ledger record"
        description="Kept by the portal for as long as it runs"
        actions={
          <Link
            href={`/lines/${record.recipeId}`}
            className="text-sm text-brand-700 hover:underline"
          >
            Image line timeline →
          </Link>
        }
      />
      <dl className="grid gap-x-8 gap-y-1.5 px-5 py-4 text-sm lg:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[9rem_1fr] gap-x-3">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
