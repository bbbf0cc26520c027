import { TopNav } from "@/components/layout/top-nav";
import { requirePageUser } from "@/lib/auth/session";
import { awsSettings } from "@/lib/env";
import { unreadCount } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

export default async function PortalLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  const user = await requirePageUser();
  const unread = user.teamId ? await unreadCount(user.teamId) : 0;

  return (
    <>
      <TopNav user={user} awsMode={awsSettings().mode} unread={unread} />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
