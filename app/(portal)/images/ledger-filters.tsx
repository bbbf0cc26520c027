import Link from "next/link";

import { FilterSelect } from "@/components/forms/filter-select";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  AWS_STATES,
  IMAGE_STATUSES,
  type LedgerQuery,
} from "@/lib/validations/ledger-filters";

export interface LedgerFilterOptions {
  teams: { slug: string; name: string }[];
  goldens: { slug: string; name: string }[];
  osVersions: string[];
}

/** A plain GET form: the filters live in the URL and work without JS. */
export function LedgerFilters({
  query,
  options,
}: {
  query: Partial<LedgerQuery>;
  options: LedgerFilterOptions;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter the ledger"
      className="mb-4 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm"
    >
      <div className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 xl:grid-cols-7">
        <FilterSelect label="Team" name="team" value={query.team}
          options={options.teams.map((t) => [t.slug, t.name])} />
        <FilterSelect label="OS" name="os" value={query.os}
          options={options.osVersions.map((os) => [os, os])} />
        <FilterSelect label="Golden parent" name="golden" value={query.golden}
          options={options.goldens.map((g) => [g.slug, g.name])} />
        <FilterSelect label="Status" name="status" value={query.status}
          options={IMAGE_STATUSES.map((s) => [s, s])} />
        <FilterSelect label="AWS state" name="aws" value={query.aws}
          options={Object.entries(AWS_STATES)} />
        <label className="text-xs font-medium text-slate-600">
          From
          <input type="date" name="from" defaultValue={query.from}
            className={inputClass(false)} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          To
          <input type="date" name="to" defaultValue={query.to}
            className={inputClass(false)} />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <Check name="severe" label="Has critical or high"
          checked={query.severe === "1"} />
        <Check name="fixable" label="Fix available"
          checked={query.fixable === "1"} />
        {/* Sort and page size survive a new filter; the page does not. */}
        {query.sort && query.sort !== "created" && (
          <input type="hidden" name="sort" value={query.sort} />
        )}
        {query.dir && query.dir !== "desc" && (
          <input type="hidden" name="dir" value={query.dir} />
        )}
        {query.size && query.size !== 25 && (
          <input type="hidden" name="size" value={query.size} />
        )}
        <span className="ml-auto flex gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            Apply filters
          </button>
          <Link href="/images" className={buttonClass("ghost")}>
            Clear
          </Link>
        </span>
      </div>
    </form>
  );
}

function Check({
  name,
  label,
  checked,
}: {
  name: string;
  label: string;
  checked: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} value="1" defaultChecked={checked}
        className="size-4 rounded border-slate-300" />
      {label}
    </label>
  );
}
