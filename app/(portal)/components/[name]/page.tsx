import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canAuthor } from "@/lib/components/authoring";
import {
  componentHistory,
  getComponentDetail,
  versionUsage,
} from "@/lib/components/library";
import { pathSegment } from "@/lib/validations/problems";

import { History } from "./history";
import { MandatoryToggle } from "./mandatory-toggle";
import { VersionPanel } from "./version-panel";
import { VersionsTable } from "./versions-table";

export const metadata: Metadata = { title: "Component" };

export default async function ComponentPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const user = await requirePageUser();
  const { name } = await params;
  const { v } = await searchParams;
  const componentName = pathSegment(name);
  if (componentName === null) notFound();

  const component = await getComponentDetail(componentName, user);
  if (!component) notFound();

  const selected =
    component.versions.find((version) => version.version === v) ??
    component.versions[0];
  const [usage, history] = await Promise.all([
    selected ? versionUsage(selected.id, user) : [],
    componentHistory(
      component.id,
      component.versions.map((version) => version.id),
    ),
  ]);
  const author = canAuthor(user, component.ownerTeamId);
  const reviewer = user.role === "reviewer" || user.role === "admin";

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/components" className="hover:text-slate-700">
            ← Components
          </Link>
        }
        title={component.name}
        description={component.description}
        actions={
          <>
            {reviewer && (
              <MandatoryToggle
                componentId={component.id}
                mandatory={component.mandatory}
              />
            )}
            {component.versions.length > 1 && (
              <Link
                href={`/components/${component.name}/diff`}
                className={buttonClass("secondary")}
              >
                Compare versions
              </Link>
            )}
            {author && (
              <Link
                href={`/components/${component.name}/versions/new`}
                className={buttonClass()}
              >
                New version
              </Link>
            )}
          </>
        }
      />
      <div className="mb-6 flex flex-wrap gap-2 text-sm">
        <Badge tone={component.platform === "Windows" ? "purple" : "blue"}>
          {component.platform}
        </Badge>
        <Badge>{component.type === "TEST" ? "Test" : "Build"}</Badge>
        {component.mandatory && <Badge tone="purple">Mandatory</Badge>}
        <Badge>Owner: {component.ownerTeam.name}</Badge>
        <Badge>
          OS: {component.supportedOsVersions.join(", ") || "all versions"}
        </Badge>
      </div>
      <div className="grid gap-6 xl:grid-cols-[22rem_1fr]">
        <VersionsTable
          name={component.name}
          versions={component.versions}
          selectedId={selected?.id}
        />
        {selected && (
          <VersionPanel
            componentName={component.name}
            version={selected}
            usage={usage}
            flags={{
              versionId: selected.id,
              status: selected.status,
              canAuthor: author,
              canReview: reviewer,
              unpublished:
                selected.status === "approved" &&
                !selected.arn &&
                selected.submittedAt !== null,
            }}
          />
        )}
      </div>
      <History
        entries={history}
        versions={component.versions}
        componentId={component.id}
      />
    </>
  );
}
