import type { Metadata } from "next";
import Link from "next/link";

import { ComponentForm } from "@/components/components/component-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { STARTER_DOCUMENT } from "@/lib/components/starter-document";

export const metadata: Metadata = { title: "New component" };

export default async function NewComponentPage() {
  await requirePageUser(["engineer", "reviewer", "admin"]);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/components" className="hover:text-slate-700">
            ← Components
          </Link>
        }
        title="New component"
        description="Write the AWSTOE document; it is checked as you type and again when you save. Your team owns the component."
      />
      <ComponentForm
        target={{ kind: "component" }}
        initial={{
          version: "1.0.0",
          document: STARTER_DOCUMENT,
          changeDescription: "First version.",
        }}
      />
    </>
  );
}
