import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { ledgerFilterOptions, listLedger } from "@/lib/ledger/queries";
import {
  ledgerSearch,
  parseLedgerParams,
} from "@/lib/validations/ledger-filters";

import { LedgerFilters } from "./ledger-filters";
import { LedgerPagination } from "./ledger-pagination";
import { LedgerTable } from "./ledger-table";

export const metadata: Metadata = { title: "AMI ledger" };

export default async function LedgerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const parsed = parseLedgerParams(await searchParams);
  const header = (
    <PageHeader
      title="AMI ledger"
      description="Every image built through the portal, kept after Image Builder and Inspector have forgotten it: recipe, golden parent, AMIs, status history and findings."
    />
  );

  if (!parsed.ok) {
    return (
      <>
        {header}
        <div
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800"
        >
          <p className="font-medium">These filters cannot be applied:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <Link
            href="/images"
            className="mt-2 inline-block font-medium underline"
          >
            Clear the filters
          </Link>
        </div>
      </>
    );
  }

  const { query } = parsed;
  const [options, { rows, total, pages }] = await Promise.all([
    ledgerFilterOptions(),
    listLedger(user, query),
  ]);
  if (query.page > pages) {
    redirect(`/images?${ledgerSearch(query, { page: pages })}`);
  }

  return (
    <>
      {header}
      {/* Keyed so Clear and back/forward reset the uncontrolled fields. */}
      <LedgerFilters
        key={JSON.stringify(query)}
        query={query}
        options={options}
      />
      {total === 0 ? (
        <EmptyState title="No image matches these filters.">
          <Link href="/images" className="text-brand-700 hover:underline">
            Clear the filters
          </Link>
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <LedgerTable rows={rows} query={query} />
          <LedgerPagination
            query={query}
            total={total}
            pages={pages}
            shown={rows.length}
          />
        </Card>
      )}
    </>
  );
}
