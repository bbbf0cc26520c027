import type { Metadata } from "next";
import Link from "next/link";

import { SeverityCounts } from "@/components/images/severity-counts";
import { StatusBadge } from "@/components/images/status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listImages } from "@/lib/queries/images";

export const metadata: Metadata = { title: "AMI history" };

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function ImageHistoryPage() {
  await requirePageUser();
  const images = await listImages();

  return (
    <>
      <PageHeader
        title="AMI history"
        description="Every image built through the portal, newest first. The portal keeps builds and findings after Image Builder and Inspector have forgotten them."
      />
      {images.length === 0 ? (
        <EmptyState title="No builds yet">
          Compose a recipe on a golden AMI to build the first image.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="history-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-4 py-2.5 font-medium">Image</th>
                <th className="px-4 py-2.5 font-medium">Status</th>
                <th className="px-4 py-2.5 font-medium">Team</th>
                <th className="px-4 py-2.5 font-medium">Golden parent</th>
                <th className="px-4 py-2.5 font-medium">AMIs</th>
                <th className="px-4 py-2.5 font-medium">Findings</th>
                <th className="px-4 py-2.5 font-medium">Started (UTC)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {images.map((image) => (
                <tr key={image.id} className="relative hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link
                      href={`/images/${image.id}`}
                      className="font-medium text-brand-700 after:absolute after:inset-0 hover:underline"
                    >
                      {image.recipeVersion.recipe.name}
                    </Link>
                    <div className="font-mono text-xs text-slate-500">
                      {image.version}
                    </div>
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={image.status} />
                  </td>
                  <td className="px-4 py-3">{image.team.name}</td>
                  <td className="px-4 py-3">{image.goldenImage.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">
                    {image.amis.length === 0
                      ? "—"
                      : image.amis.map((ami) => (
                          <div key={`${ami.region}-${ami.accountId}`}>
                            <span className="text-slate-400">{ami.region} </span>
                            {ami.amiId}
                          </div>
                        ))}
                  </td>
                  <td className="px-4 py-3">
                    <SeverityCounts
                      compact
                      counts={image.findingsCollectedAt ? image : null}
                    />
                  </td>
                  <td className="px-4 py-3 text-xs whitespace-nowrap text-slate-500">
                    {time.format(image.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
