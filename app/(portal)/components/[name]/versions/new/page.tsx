import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import semver from "semver";

import { ComponentForm } from "@/components/components/component-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canAuthor } from "@/lib/components/authoring";
import { getComponentDetail } from "@/lib/components/library";
import { pathSegment } from "@/lib/validations/problems";

export const metadata: Metadata = { title: "New component version" };

export default async function NewVersionPage({
  params,
}: {
  params: Promise<{ name: string }>;
}) {
  const user = await requirePageUser(["engineer", "reviewer", "admin"]);
  const { name } = await params;
  const componentName = pathSegment(name);
  if (componentName === null) notFound();

  const component = await getComponentDetail(componentName, user);
  if (!component) notFound();
  if (!canAuthor(user, component.ownerTeamId)) redirect("/forbidden");

  // A new version starts from the latest one, whatever its state.
  const latest = component.versions[0];

  return (
    <>
      <PageHeader
        eyebrow={
          <Link
            href={`/components/${component.name}`}
            className="hover:text-slate-700"
          >
            ← {component.name}
          </Link>
        }
        title={`New version of ${component.name}`}
        description={
          latest
            ? `Starts from ${latest.version} (${latest.status}). Versions never change once submitted.`
            : undefined
        }
      />
      <ComponentForm
        target={{
          kind: "version",
          componentId: component.id,
          name: component.name,
          platform: component.platform,
        }}
        initial={{
          version: latest
            ? (semver.inc(latest.version, "minor") ?? "")
            : "1.0.0",
          document: latest?.document ?? "",
          changeDescription: "",
        }}
      />
    </>
  );
}
