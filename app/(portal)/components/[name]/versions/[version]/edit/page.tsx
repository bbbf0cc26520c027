import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { ComponentForm } from "@/components/components/component-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canAuthor } from "@/lib/components/authoring";
import { getComponentDetail } from "@/lib/components/library";
import { pathSegment } from "@/lib/validations/problems";

export const metadata: Metadata = { title: "Edit draft" };

export default async function EditDraftPage({
  params,
}: {
  params: Promise<{ name: string; version: string }>;
}) {
  const user = await requirePageUser(["engineer", "reviewer", "admin"]);
  const { name, version } = await params;
  const componentName = pathSegment(name);
  if (componentName === null) notFound();

  const component = await getComponentDetail(componentName, user);
  const draft = component?.versions.find((v) => v.version === version);
  if (!component || !draft || draft.status !== "draft") notFound();
  if (!canAuthor(user, component.ownerTeamId)) redirect("/forbidden");

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/components/${component.name}`} className="hover:text-slate-700">
            ← {component.name}
          </Link>
        }
        title={`Draft ${draft.version} of ${component.name}`}
      />
      <ComponentForm
        target={{
          kind: "draft",
          versionId: draft.id,
          name: component.name,
          platform: component.platform,
        }}
        initial={{
          version: draft.version,
          document: draft.document,
          changeDescription: draft.changeDescription,
        }}
      />
    </>
  );
}
