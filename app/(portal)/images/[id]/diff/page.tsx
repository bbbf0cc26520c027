import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { diffImages, resolveAgainst } from "@/lib/fleet/diff";
import {
  diffImageHeader,
  lineVersions,
  recipeChanges,
} from "@/lib/fleet/diff-context";
import { hasControlCharacters } from "@/lib/validations/problems";

import { ComponentChanges } from "./component-changes";
import { DiffTable } from "./diff-table";
import { VersionPicker } from "./version-picker";

export const metadata: Metadata = { title: "Version diff" };

const GROUPS = [
  {
    key: "new",
    title: "New CVEs",
    hint: "In the newer image only",
    tone: "border-red-200 bg-red-50 text-red-800",
  },
  {
    key: "fixed",
    title: "Fixed CVEs",
    hint: "In the older image only",
    tone: "border-emerald-200 bg-emerald-50 text-emerald-800",
  },
  {
    key: "carried",
    title: "Carried CVEs",
    hint: "In both images",
    tone: "border-slate-200 bg-white text-slate-800",
  },
] as const;

export default async function ImageDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ against?: string | string[] }>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  if (hasControlCharacters(id)) notFound();

  const image = await diffImageHeader(user, id);
  if (!image) notFound();

  const against = await resolveAgainst(user, id, (await searchParams).against);
  const [versions, diff] = await Promise.all([
    lineVersions(user, image.recipeId),
    against ? diffImages(user, id, against) : null,
  ]);
  const changes = diff?.ok
    ? await recipeChanges(
        diff.older.recipeVersionId,
        diff.newer.recipeVersionId,
      )
    : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/images/${id}`} className="hover:text-slate-700">
            ← {image.recipe.name} {image.version}
          </Link>
        }
        title="Version diff"
        description={
          diff?.ok
            ? `${image.recipe.name}: from ${diff.older.version} to ${diff.newer.version}`
            : `${image.recipe.name} · ${image.team.name}`
        }
        actions={
          <VersionPicker imageId={id} versions={versions} selected={against} />
        }
      />
      {!diff?.ok ? (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {diff?.problem ??
            "This is the first scanned version of its line: there is " +
              "nothing earlier to compare with. Pick another version above."}
        </p>
      ) : (
        <div className="space-y-6">
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm text-slate-600">
              Active package CVEs, keyed by CVE and package.
            </p>
            <div className="flex gap-1">
              {(["csv", "json"] as const).map((format) => (
                <a
                  key={format}
                  href={`/api/exports/images/${id}/diff?against=${encodeURIComponent(against ?? "")}&format=${format}`}
                  className={buttonClass("secondary", "sm")}
                  download
                >
                  Download {format.toUpperCase()}
                </a>
              ))}
            </div>
          </div>
          <div className="grid gap-4 sm:grid-cols-3" data-testid="diff-summary">
            {GROUPS.map((group) => (
              <a
                key={group.key}
                href={`#${group.key}`}
                className={cn(
                  "rounded-xl border px-5 py-4 shadow-sm hover:shadow",
                  group.tone,
                )}
                data-testid={`count-${group.key}`}
              >
                <div className="text-sm font-medium">{group.title}</div>
                <div className="mt-1 text-3xl font-semibold tabular-nums">
                  {diff.counts[group.key]}
                </div>
                <div className="text-xs opacity-75">{group.hint}</div>
              </a>
            ))}
          </div>

          {changes && (
            <ComponentChanges
              olderVersion={changes.olderVersion}
              newerVersion={changes.newerVersion}
              olderImage={diff.older.version}
              newerImage={diff.newer.version}
              components={changes.components}
            />
          )}

          {GROUPS.map((group) => (
            <Card key={group.key} id={group.key} className="scroll-mt-6">
              <CardHeader
                title={`${group.title} (${diff.counts[group.key]})`}
                description={group.hint}
              />
              <DiffTable group={group.key} rows={diff.groups[group.key]} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
