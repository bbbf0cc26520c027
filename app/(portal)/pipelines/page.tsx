import type { Metadata } from "next";
import Link from "next/link";

import { StatusBadge } from "@/components/images/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { listPipelines } from "@/lib/queries/pipelines";

export const metadata: Metadata = { title: "Pipelines" };

export default async function PipelinesPage() {
  const user = await requirePageUser();
  const pipelines = await listPipelines(user);

  return (
    <>
      <PageHeader
        title="Pipelines"
        description="Recipes built on a schedule with the CCOE's infrastructure and distribution."
        actions={
          user.role === "engineer" || user.role === "admin" ? (
            <Link href="/pipelines/new" className={buttonClass()}>
              New pipeline
            </Link>
          ) : undefined
        }
      />
      {pipelines.length === 0 ? (
        <EmptyState title="No pipelines yet" />
      ) : (
        <Card>
          <DataTable
            columns={["Pipeline", "Recipe", "Schedule", "State", "Last run"]}
          >
            {pipelines.map((pipeline) => (
              <tr key={pipeline.id}>
                <td className="px-5 py-2">
                  <Link
                    href={`/pipelines/${pipeline.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {pipeline.name}
                  </Link>
                  <div className="text-xs text-slate-500">{pipeline.team.name}</div>
                </td>
                <td className="px-5 py-2">
                  {pipeline.recipeVersion.recipe.name}{" "}
                  {pipeline.recipeVersion.version}
                </td>
                <td className="px-5 py-2 font-mono text-xs">
                  {pipeline.scheduleExpression
                    ? `${pipeline.scheduleExpression} ${pipeline.timezone}`
                    : "manual only"}
                </td>
                <td className="px-5 py-2">{pipeline.status}</td>
                <td className="px-5 py-2">
                  {pipeline.images[0] ? (
                    <StatusBadge status={pipeline.images[0].status} />
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
      )}
    </>
  );
}
