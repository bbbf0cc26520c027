import type { Metadata } from "next";
import Link from "next/link";

import { SideBySideDiff } from "@/components/components/side-by-side-diff";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { reviewQueue, unpublishedApprovals } from "@/lib/components/library";

import { VersionActions } from "../[name]/version-actions";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requirePageUser(["reviewer", "admin"]);
  const [queue, stuck] = await Promise.all([
    reviewQueue(),
    unpublishedApprovals(),
  ]);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/components" className="hover:text-slate-700">
            ← Components
          </Link>
        }
        title="Review queue"
        description="Submitted versions, oldest first, each against the previous approved version. You cannot approve a version you wrote."
      />
      {stuck.length > 0 && (
        <Card className="mb-6 border-amber-300" data-testid="unpublished">
          <CardHeader
            title="Approved but not published"
            description="Image Builder refused or failed; retry from the component page."
          />
          <ul className="px-5 py-3 text-sm">
            {stuck.map((v) => (
              <li key={v.id}>
                <Link
                  href={`/components/${v.component.name}?v=${v.version}`}
                  className="text-brand-700 hover:underline"
                >
                  {v.component.name} {v.version}
                </Link>{" "}
                <span className="text-red-700">{v.publishError}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {queue.length === 0 ? (
        <EmptyState title="Nothing waits for review." />
      ) : (
        <div className="space-y-6">
          {queue.map((item) => (
            <Card key={item.id} data-testid={`review-${item.component.name}`}>
              <CardHeader
                title={
                  <Link
                    href={`/components/${item.component.name}?v=${item.version}`}
                    className="hover:underline"
                  >
                    {item.component.name} {item.version}
                  </Link>
                }
                description={`${item.component.platform} · ${item.component.ownerTeam} · by ${item.createdBy?.name ?? "unknown"}: ${item.changeDescription}`}
              />
              <div className="space-y-4 px-5 py-4">
                <SideBySideDiff
                  before={item.previous?.document ?? ""}
                  after={item.document}
                  leftTitle={
                    item.previous
                      ? `${item.previous.version} (approved)`
                      : "No approved version yet"
                  }
                  rightTitle={`${item.version} (submitted)`}
                />
                <VersionActions
                  flags={{
                    versionId: item.id,
                    status: item.status,
                    canAuthor: false,
                    canReview: true,
                    unpublished: false,
                  }}
                />
                {item.createdBy?.id === user.id && (
                  <p className="text-sm text-amber-700">
                    You wrote this version: another reviewer must approve it.
                  </p>
                )}
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
