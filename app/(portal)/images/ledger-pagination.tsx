import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  ledgerSearch,
  PAGE_SIZES,
  type LedgerQuery,
} from "@/lib/validations/ledger-filters";

export function LedgerPagination({
  query,
  total,
  pages,
  shown,
}: {
  query: LedgerQuery;
  total: number;
  pages: number;
  shown: number;
}) {
  const first = total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const last = (query.page - 1) * query.size + shown;
  const href = (change: Partial<LedgerQuery>) =>
    `/images${ledgerSearch(query, change)}`;

  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600"
    >
      <span data-testid="ledger-range">
        {shown === 0
          ? `None of ${total} on this page`
          : `${first}–${last} of ${total}`}
      </span>
      <span className="flex items-center gap-1 text-xs">
        Per page
        {PAGE_SIZES.map((size) => (
          <Link
            key={size}
            href={href({ size, page: 1 })}
            aria-current={size === query.size ? "true" : undefined}
            className={cn(
              "rounded px-2 py-1",
              size === query.size
                ? "bg-slate-900 text-white"
                : "hover:bg-slate-100",
            )}
          >
            {size}
          </Link>
        ))}
      </span>
      <span className="flex items-center gap-2">
        <PageLink
          disabled={query.page <= 1}
          href={href({ page: query.page - 1 })}
        >
          ← Previous
        </PageLink>
        <span className="tabular-nums">
          Page {query.page} of {pages}
        </span>
        <PageLink
          disabled={query.page >= pages}
          href={href({ page: query.page + 1 })}
        >
          Next →
        </PageLink>
      </span>
    </nav>
  );
}

function PageLink({
  disabled,
  href,
  children,
}: {
  disabled: boolean;
  href: string;
  children: React.ReactNode;
}) {
  if (disabled) {
    return (
      <span className={cn(buttonClass("secondary", "sm"), "opacity-40")}>
        {children}
      </span>
    );
  }

  return (
    <Link href={href} className={buttonClass("secondary", "sm")}>
      {children}
    </Link>
  );
}
