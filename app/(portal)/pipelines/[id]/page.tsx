import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { StatusBadge } from "@/components/images/status-badge";
import { NextRuns } from "@/components/pipelines/next-runs";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { TERMINAL_STATUSES } from "@/lib/builds/status";
import { nextRuns } from "@/lib/pipelines/cron";
import { retriesOf } from "@/lib/pipelines/runs";
import { getPipeline } from "@/lib/queries/pipelines";
import { hasControlCharacters } from "@/lib/validations/problems";

import { PipelineControls, RunControls } from "./pipeline-controls";

export const metadata: Metadata = { title: "Pipeline" };

const BUILD_TYPES: Record<string, string> = {
  USER_INITIATED: "manual",
  SCHEDULED: "scheduled",
};

export default async function PipelinePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  if (hasControlCharacters(id)) notFound();

  const pipeline = await getPipeline(id, user);
  if (!pipeline) notFound();

  const retried = await retriesOf(pipeline.images.map((image) => image.id));
  const versionOf = new Map(pipeline.images.map((i) => [i.id, i.version]));

  const enabled = pipeline.status === "ENABLED";
  const upcoming =
    enabled && pipeline.scheduleExpression
      ? nextRuns(pipeline.scheduleExpression, pipeline.timezone, 5, new Date())
      : [];
  const running = pipeline.images.some(
    (image) => !TERMINAL_STATUSES.includes(image.status),
  );
  const scheduled = enabled && pipeline.scheduleExpression !== null;
  const canAct = user.role === "engineer" || user.role === "admin";

  return (
    <>
      <AutoRefresh
        active={running || scheduled}
        intervalMs={running ? 2000 : 5000}
      />
      <PageHeader
        eyebrow={<Link href="/pipelines">← Pipelines</Link>}
        title={
          <span className="flex items-center gap-3">
            {pipeline.name}
            <span
              data-testid="pipeline-status"
              className="rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-700"
            >
              {pipeline.status}
            </span>
          </span>
        }
        description={`${pipeline.team.name} · ${pipeline.recipeVersion.recipe.name} ${pipeline.recipeVersion.version}`}
        actions={
          canAct ? (
            <PipelineControls pipelineId={pipeline.id} enabled={enabled} />
          ) : undefined
        }
      />
      <div className="space-y-6">
        <Card className="grid gap-4 p-5 text-sm sm:grid-cols-2">
          <dl className="space-y-1">
            <Fact
              label="Infrastructure"
              value={pipeline.infrastructurePreset.name}
            />
            <Fact
              label="Distribution"
              value={pipeline.distributionSetting.name}
            />
            <Fact
              label="Image tests"
              value={pipeline.testsEnabled ? "on" : "off"}
            />
            <Fact
              label="Inspector scanning"
              value={pipeline.scanningEnabled ? "on" : "off"}
            />
          </dl>
          <dl className="space-y-1">
            <Fact
              label="Schedule"
              value={
                pipeline.scheduleExpression
                  ? `${pipeline.scheduleExpression} (${pipeline.timezone})`
                  : "manual only"
              }
            />
            <Fact
              label="Start condition"
              value={
                pipeline.startCondition === "EXPRESSION_MATCH_ONLY"
                  ? "every match"
                  : "only when a dependency has a newer version"
              }
            />
            <Fact
              label="Next runs"
              value={
                upcoming.length ? (
                  <NextRuns runs={upcoming} timezone={pipeline.timezone} />
                ) : (
                  "—"
                )
              }
            />
          </dl>
        </Card>

        <Card>
          <CardHeader
            title="Run history"
            description="Builds newest first, then schedule matches Image Builder skipped"
          />
          <DataTable
            columns={["Build", "Type", "Outcome", "Started", "Findings", ""]}
            data-testid="run-history"
          >
            {pipeline.images.map((image) => (
              <tr key={image.id} data-testid={`run-${image.id}`}>
                <td className="px-5 py-2">
                  <Link
                    href={`/images/${image.id}`}
                    className="font-mono text-xs text-brand-700 hover:underline"
                  >
                    {image.version}
                  </Link>
                </td>
                <td className="px-5 py-2" data-testid="run-type">
                  {BUILD_TYPES[image.buildType] ?? image.buildType}
                </td>
                <td className="px-5 py-2" data-testid="run-outcome">
                  <StatusBadge status={image.status} />
                  {image.statusReason && image.status !== "AVAILABLE" && (
                    <div className="text-xs text-slate-500">
                      {image.statusReason}
                    </div>
                  )}
                </td>
                <td className="px-5 py-2 text-xs">
                  {image.createdAt.toISOString()} · {image.createdBy.name}
                </td>
                <td className="px-5 py-2 text-xs">
                  {image.status === "AVAILABLE"
                    ? `${image.critical} critical, ${image.high} high`
                    : "—"}
                </td>
                <td className="px-5 py-2">
                  {retried.has(image.id) ? (
                    <Link
                      href={`/images/${retried.get(image.id)}`}
                      className="text-xs text-brand-700 hover:underline"
                    >
                      Retried as{" "}
                      {versionOf.get(retried.get(image.id)!) ?? "a new run"}
                    </Link>
                  ) : (
                    canAct && (
                      <RunControls
                        pipelineId={pipeline.id}
                        imageId={image.id}
                        status={image.status}
                      />
                    )
                  )}
                </td>
              </tr>
            ))}
            {pipeline.skips.map((skip) => (
              <tr
                key={skip.id}
                data-testid="run-skipped"
                className="text-slate-500"
              >
                <td className="px-5 py-2 text-xs">—</td>
                <td className="px-5 py-2">scheduled</td>
                <td className="px-5 py-2">{skip.reason}</td>
                <td className="px-5 py-2 text-xs">
                  {skip.scheduledFor.toISOString()}
                </td>
                <td className="px-5 py-2" colSpan={2} />
              </tr>
            ))}
            {pipeline.images.length + pipeline.skips.length === 0 && (
              <tr>
                <td colSpan={6} className="px-5 py-4 text-slate-500">
                  No runs yet.
                </td>
              </tr>
            )}
          </DataTable>
        </Card>
      </div>
    </>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-36 shrink-0 text-slate-500">{label}</dt>
      <dd className="break-all text-slate-900">{value}</dd>
    </div>
  );
}
