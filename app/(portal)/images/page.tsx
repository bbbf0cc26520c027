import type { Metadata } from "next";
import Link from "next/link";

import { FilterProblems } from "@/components/forms/filter-problems";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { ledgerFilterOptions, listLedger } from "@/lib/ledger/queries";
import {
  ledgerSearch,
  parseLedgerParams,
  unknownChoices,
} from "@/lib/validations/ledger-filters";
import { pastLastPage } from "@/lib/validations/problems";

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
      description={
        "Every image built through the portal, kept after Image Builder " +
        "and Inspector have forgotten it: recipe, golden parent, AMIs, " +
        "status history and findings."
      }
    />
  );

  const { query } = parsed;
  // Both at once: an unknown team, OS or golden only empties the list,
  // which is then dropped in favour of naming the unknown value.
  const [options, listed] = await Promise.all([
    ledgerFilterOptions(),
    parsed.ok ? listLedger(user, query) : null,
  ]);
  const problems = [
    ...(parsed.ok ? [] : parsed.problems),
    ...unknownChoices(query, options),
  ];
  const ledger = problems.length ? null : listed;
  const beyond = ledger ? pastLastPage(query.page, ledger.pages) : undefined;
  if (beyond) problems.push(beyond);

  return (
    <>
      {header}
      {/* Keyed so Clear and back/forward reset the uncontrolled fields. */}
      <LedgerFilters
        key={JSON.stringify(query)}
        query={query}
        options={options}
      />
      {!ledger || beyond ? (
        <FilterProblems problems={problems}>
          <Link
            href="/images"
            className="mt-2 inline-block font-medium underline"
          >
            Clear the filters
          </Link>
          {ledger && (
            <Link
              href={`/images${ledgerSearch(query, { page: ledger.pages })}`}
              className="mt-2 ml-4 inline-block font-medium underline"
            >
              Go to the last page
            </Link>
          )}
        </FilterProblems>
      ) : ledger.total === 0 ? (
        <EmptyState title="No image matches these filters.">
          <Link href="/images" className="text-brand-700 hover:underline">
            Clear the filters
          </Link>
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <LedgerTable rows={ledger.rows} query={query} />
          <LedgerPagination
            query={query}
            total={ledger.total}
            pages={ledger.pages}
            shown={ledger.rows.length}
          />
        </Card>
      )}
    </>
  );
}
