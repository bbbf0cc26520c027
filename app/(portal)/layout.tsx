import { TopNav } from "@/components/layout/top-nav";
import { requirePageUser } from "@/lib/auth/session";
import { awsSettings } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function PortalLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  const user = await requirePageUser();

  return (
    <>
      <TopNav user={user} awsMode={awsSettings().mode} />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
