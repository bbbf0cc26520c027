import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

const PAGES = [
  ["/admin/aws", "AWS connection", "Mode, identity and read checks per account"],
  ["/admin/infrastructure", "Infrastructure presets", "Build instances, network, logs"],
  ["/admin/distribution", "Distribution settings", "Regions, encryption, sharing"],
  ["/admin/jobs", "Background jobs", "Reconciler lease and received events"],
  ["/admin/outbox", "Mail outbox", "Every notification the portal sent or kept"],
] as const;

export default async function AdminPage() {
  const user = await requirePageUser(["admin", "reviewer"]);
  const pages = PAGES.filter(
    ([href]) => href !== "/admin/aws" || user.role === "admin",
  );

  return (
    <>
      <PageHeader title="Administration" />
      <div className="grid gap-4 sm:grid-cols-2">
        {pages.map(([href, title, text]) => (
          <Card key={href} className="p-5">
            <Link href={href} className="font-semibold text-brand-700 hover:underline">
              {title}
            </Link>
            <p className="mt-1 text-sm text-slate-500">{text}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
