import type { Metadata } from "next";
import Link from "next/link";

import { VersionStatus } from "@/components/components/version-status";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import {
  componentOwnerTeams,
  listComponents,
  type LibraryRow,
} from "@/lib/components/library";
import { parseLibraryFilters } from "@/lib/validations/library-filters";

import { LibraryFilters } from "./library-filters";

export const metadata: Metadata = { title: "Components" };

export default async function ComponentLibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const filters = parseLibraryFilters(await searchParams);
  const [rows, teams] = await Promise.all([
    listComponents(filters, user),
    componentOwnerTeams(),
  ]);
  const reviewer = user.role === "reviewer" || user.role === "admin";
  const author = reviewer || user.role === "engineer";

  return (
    <>
      <PageHeader
        title="Components"
        description="AWSTOE components product teams may build with. CCOE reviewers approve every version before it reaches the composer."
        actions={
          <>
            {reviewer && (
              <Link
                href="/components/review"
                className={buttonClass("secondary")}
              >
                Review queue
              </Link>
            )}
            {author && (
              <Link href="/components/new" className={buttonClass()}>
                New component
              </Link>
            )}
          </>
        }
      />
      {/* Keyed so Clear and back/forward reset the uncontrolled fields. */}
      <LibraryFilters
        key={JSON.stringify(filters)}
        filters={filters}
        teams={teams}
      />
      {rows.length === 0 ? (
        <EmptyState title="No component matches these filters." />
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-sm" data-testid="component-table">
            <thead className="bg-slate-50 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2">Name</th>
                <th className="px-4 py-2">Platform / OS</th>
                <th className="px-4 py-2">Type</th>
                <th className="px-4 py-2">Owner</th>
                <th className="px-4 py-2">Latest version</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}

function Row({ row }: { row: LibraryRow }) {
  return (
    <tr data-testid={`component-row-${row.name}`}>
      <td className="px-4 py-3">
        <Link
          href={`/components/${row.name}`}
          className="font-medium text-brand-700 hover:underline"
        >
          {row.name}
        </Link>
        {row.mandatory && (
          <Badge tone="purple" className="ml-2">
            Mandatory
          </Badge>
        )}
        <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">
          {row.description}
        </p>
      </td>
      <td className="px-4 py-3 text-slate-700">
        {row.platform}
        <div className="text-xs text-slate-500">
          {row.supportedOsVersions.join(", ") || "All versions"}
        </div>
      </td>
      <td className="px-4 py-3">{row.type === "TEST" ? "Test" : "Build"}</td>
      <td className="px-4 py-3">{row.ownerTeam}</td>
      <td className="px-4 py-3">
        {row.latest && (
          <span className="flex items-center gap-2">
            <span className="font-mono text-xs">{row.latest.version}</span>
            <VersionStatus status={row.latest.status} />
          </span>
        )}
      </td>
    </tr>
  );
}
