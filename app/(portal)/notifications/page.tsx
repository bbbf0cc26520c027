import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { teamNotifications } from "@/lib/notifications/queries";

import { MarkReadButton } from "./mark-read-button";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requirePageUser();
  const notices = user.teamId ? await teamNotifications(user.teamId) : [];
  const unread = notices.filter((n) => !n.read).length;

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          user.teamName
            ? `Messages for team ${user.teamName}.`
            : "You are not in a team, so nothing is addressed to you."
        }
        actions={unread > 0 && <MarkReadButton />}
      />
      {notices.length === 0 ? (
        <EmptyState title="No notifications yet." />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {notices.map((notice) => (
              <li
                key={notice.id}
                className={cn("px-5 py-3", !notice.read && "bg-brand-50/50")}
                data-kind={notice.kind}
              >
                <div className="flex items-baseline justify-between gap-4">
                  <p className="text-sm font-medium text-slate-900">
                    {notice.link ? (
                      <Link href={notice.link} className="hover:underline">
                        {notice.subject}
                      </Link>
                    ) : (
                      notice.subject
                    )}
                  </p>
                  <time className="text-xs text-slate-500">
                    {notice.createdAt.toISOString().replace("T", " ").slice(0, 16)}
                  </time>
                </div>
                <p className="mt-0.5 text-sm text-slate-600">{notice.body}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
