import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { goldenName } from "@/components/images/golden-name";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getLineTimeline } from "@/lib/ledger/timeline";
import { hasControlCharacters } from "@/lib/validations/problems";

import { SeverityChart } from "./severity-chart";
import { TimelineTable } from "./timeline-table";

export const metadata: Metadata = { title: "Image line" };

export default async function LineTimelinePage({
  params,
}: {
  params: Promise<{ recipeId: string }>;
}) {
  const user = await requirePageUser();
  const { recipeId } = await params;
  if (hasControlCharacters(recipeId)) notFound();

  const timeline = await getLineTimeline(recipeId, user);
  if (!timeline) notFound();

  const { recipe, rows, chart } = timeline;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/images" className="hover:text-slate-700">
            ← AMI ledger
          </Link>
        }
        title={recipe.name}
        description={`Image line of ${recipe.team.name} on ${goldenName(recipe.goldenImage)}: every build across recipe versions, newest first.`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Findings per build"
            description="Active CVE findings by severity; click a point to open that image"
          />
          <div className="px-3 py-4">
            {chart.length === 0 ? (
              <p className="px-2 text-sm text-slate-500">
                No build of this line has been scanned yet.
              </p>
            ) : (
              <SeverityChart points={chart} />
            )}
          </div>
        </Card>
        {rows.length === 0 ? (
          <EmptyState title="No image of this line yet." />
        ) : (
          <Card className="overflow-x-auto">
            <TimelineTable rows={rows} />
          </Card>
        )}
      </div>
    </>
  );
}
