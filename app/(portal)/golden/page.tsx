import type { Metadata } from "next";
import Link from "next/link";

import { SeverityCounts } from "@/components/images/severity-counts";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listGoldenImages, type GoldenListItem } from "@/lib/queries/golden";

export const metadata: Metadata = { title: "Golden AMIs" };

export default async function GoldenCatalogPage() {
  const user = await requirePageUser();
  const goldens = await listGoldenImages(user);
  const canBuild = user.role === "engineer" || user.role === "admin";

  return (
    <>
      <PageHeader
        title="Golden AMIs"
        description="Hardened base images kept by the CCOE. Pick one to compose a recipe with approved components and build your own image."
      />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {goldens.map((golden) => (
          <GoldenCard key={golden.id} golden={golden} canBuild={canBuild} />
        ))}
      </div>
    </>
  );
}

function GoldenCard({
  golden,
  canBuild,
}: {
  golden: GoldenListItem;
  canBuild: boolean;
}) {
  return (
    <Card className="flex flex-col" data-testid={`golden-${golden.slug}`}>
      <div className="flex-1 p-5">
        <div className="flex items-start justify-between gap-3">
          <h2 className="text-base font-semibold text-slate-900">
            {golden.name}
          </h2>
          <Badge tone={golden.platform === "Windows" ? "purple" : "blue"}>
            {golden.platform}
          </Badge>
        </div>
        <p className="mt-1 text-sm text-slate-500">{golden.description}</p>
        <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          <Field label="OS">{golden.osVersion}</Field>
          <Field label="Architecture">{golden.architecture}</Field>
          <Field label="Current version">
            <span className="font-mono text-xs">{golden.currentVersion}</span>
          </Field>
          <Field label="Owner">{golden.ownerTeam.name}</Field>
          <Field label="Parent image" wide>
            <span className="font-mono text-xs">{golden.parentImage}</span>
          </Field>
        </dl>
        <div className="mt-4 border-t border-slate-100 pt-3">
          <div className="mb-1.5 text-xs font-medium text-slate-500">
            Findings in the latest build
          </div>
          {golden.latestScan ? (
            <Link href={`/images/${golden.latestScan.id}`}>
              <SeverityCounts counts={golden.latestScan} />
            </Link>
          ) : (
            <span className="text-xs text-slate-400">No scanned build yet</span>
          )}
        </div>
      </div>
      <div className="flex items-center justify-between border-t border-slate-100 px-5 py-3">
        <span className="text-xs text-slate-500">
          {golden.buildCount} build{golden.buildCount === 1 ? "" : "s"}
        </span>
        {canBuild && (
          <Link
            href={`/golden/${golden.slug}/compose`}
            className={buttonClass("primary", "sm")}
          >
            Compose recipe
          </Link>
        )}
      </div>
    </Card>
  );
}

function Field({
  label,
  wide,
  children,
}: {
  label: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}
