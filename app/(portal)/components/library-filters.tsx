import Link from "next/link";

import { FilterSelect } from "@/components/forms/filter-select";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import type { LibraryFilters as Filters } from "@/lib/components/library";
import { OS_FAMILIES } from "@/lib/components/os-families";

const STATUSES = [
  "draft",
  "submitted",
  "approved",
  "rejected",
  "published",
  "deprecated",
];

/** A plain GET form: filters live in the URL and work without JavaScript. */
export function LibraryFilters({
  filters,
  teams,
}: {
  filters: Filters;
  teams: { slug: string; name: string }[];
}) {
  const osOptions = [...new Set(Object.values(OS_FAMILIES).flat())];

  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3"
      role="search"
      aria-label="Filter components"
    >
      <label className="text-xs font-medium text-slate-600">
        Search
        <input
          name="q"
          defaultValue={filters.q}
          placeholder="Name or description"
          className={inputClass(false)}
        />
      </label>
      <FilterSelect label="Platform" name="platform" value={filters.platform}
        options={["Linux", "Windows", "macOS"].map((p) => [p, p])} />
      <FilterSelect label="OS version" name="os" value={filters.os}
        options={osOptions.map((os) => [os, os])} />
      <FilterSelect label="Type" name="type" value={filters.type}
        options={[["BUILD", "Build"], ["TEST", "Test"]]} />
      <FilterSelect label="Owner team" name="team" value={filters.team}
        options={teams.map((t) => [t.slug, t.name])} />
      <FilterSelect label="Status" name="status" value={filters.status}
        options={STATUSES.map((s) => [s, s])} />
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
      <Link href="/components" className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}
