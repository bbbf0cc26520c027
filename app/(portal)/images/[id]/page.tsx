import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AwsStateBadge } from "@/components/images/aws-state-badge";
import { BuildProgress } from "@/components/images/build-progress";
import { LiveStatus } from "@/components/images/live-status";
import { StatusBadge } from "@/components/images/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { TERMINAL_STATUSES } from "@/lib/builds/status";
import { getImagePage } from "@/lib/queries/image-page";
import { readFindingsFilters } from "@/lib/validations/findings-filters";
import {
  hasControlCharacters,
  pastLastPage,
} from "@/lib/validations/problems";

import { AwsStateNotice } from "./aws-state-notice";
import { BuildDetails } from "./build-details";
import { FindingsSection, NetworkFindings } from "./findings-section";
import { LedgerFacts } from "./ledger-facts";
import { ReportArchive } from "./report-archive";

export const metadata: Metadata = { title: "Image" };

export default async function ImagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  if (hasControlCharacters(id)) notFound();

  const { filters, problems } = readFindingsFilters(await searchParams);
  const data = await getImagePage(user, id, filters);
  if (!data) notFound();

  const { image, findings, record, network, reports } = data;
  const lastPage = Math.ceil(findings.total / findings.pageSize);
  const beyond = pastLastPage(filters.page, lastPage);
  if (beyond) problems.push(beyond);

  const collected = image.findingsCollectedAt !== null;
  const active =
    !TERMINAL_STATUSES.includes(image.status) ||
    (image.status === "AVAILABLE" && !collected);
  const recipe = image.recipeVersion;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/images" className="hover:text-slate-700">
            ← AMI ledger
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {recipe.recipe.name}
            <span className="font-mono text-lg text-slate-500">
              {image.version}
            </span>
            <span data-testid="image-status">
              <StatusBadge status={image.status} />
            </span>
            <AwsStateBadge state={record.awsState} />
          </span>
        }
        description={`${image.team.name} · built on ${image.goldenImage.name} by ${image.createdBy.name}`}
        actions={
          <>
            {collected && (
              <Link
                href={`/images/${image.id}/diff`}
                className={buttonClass("secondary")}
              >
                Compare versions
              </Link>
            )}
            <LiveStatus
              imageId={image.id}
              status={image.status}
              findingsCollected={collected}
              active={active}
            />
          </>
        }
      />
      <div className="space-y-6">
        <AwsStateNotice state={record.awsState} at={record.awsStateAt} />
        <Card className="p-5">
          <BuildProgress
            status={image.status}
            history={image.events.map((event) => event.status)}
          />
          {image.status === "FAILED" && (
            <p
              role="alert"
              className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              <strong>Build failed.</strong>{" "}
              {image.statusReason ?? "Image Builder gave no reason."}
            </p>
          )}
        </Card>

        <Card>
          <CardHeader
            title="Output AMIs"
            description="Where Image Builder distributed the image"
          />
          {image.amis.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">
              AMIs appear once distribution finishes.
            </p>
          ) : (
            <DataTable
              columns={["Region", "Account", "AMI"]}
              data-testid="ami-table"
            >
              {image.amis.map((ami) => (
                <tr key={`${ami.region}-${ami.accountId}`}>
                  <td className="px-5 py-2">{ami.region}</td>
                  <td className="px-5 py-2 font-mono text-xs">
                    {ami.accountId || "—"}
                  </td>
                  <td className="px-5 py-2 font-mono text-xs">{ami.amiId}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        {collected ? (
          <>
            <FindingsSection
              imageId={id}
              filters={filters}
              page={findings}
              problems={problems}
            />
            <NetworkFindings rows={network} />
          </>
        ) : (
          <Card>
            <CardHeader
              title="Inspector findings"
              description="Collected once the image is available and scanned"
            />
            <p className="px-5 py-4 text-sm text-slate-500">
              {image.status === "FAILED" || image.status === "CANCELLED"
                ? "No scan: the build did not finish."
                : "Waiting for the build to finish…"}
            </p>
          </Card>
        )}

        <ReportArchive reports={reports} />

        <LedgerFacts record={record} />

        <BuildDetails image={image} record={record} />
      </div>
    </>
  );
}
