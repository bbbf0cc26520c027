import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_TYPES,
  filtersQuery,
  FIX_VALUES,
  type FindingsFilters,
} from "@/lib/validations/findings-filters";

const TYPE_LABELS: Record<string, string> = {
  PACKAGE_VULNERABILITY: "Package CVEs",
  NETWORK_REACHABILITY: "Network reachability",
  CODE_VULNERABILITY: "Code",
  ALL: "All types",
};

const FIX_LABELS: Record<string, string> = {
  YES: "Fix: yes",
  PARTIAL: "partial",
  NO: "no",
};

const INPUT =
  "rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm";

/** A plain GET form: the filters live in the URL and survive a reload. */
export function FindingsFilterBar({
  path,
  filters,
}: {
  path: string;
  filters: FindingsFilters;
}) {
  return (
    <form
      key={filtersQuery(filters)}
      method="get"
      action={path}
      className="space-y-3 px-5 py-4"
      aria-label="Filter findings"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs text-slate-500">
          Search
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder="CVE or package"
            className={`${INPUT} mt-1 block w-56`}
          />
        </label>
        <Select label="Status" name="status" value={filters.status}>
          {FINDING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status === "ALL" ? "All statuses" : status.toLowerCase()}
            </option>
          ))}
        </Select>
        <Select label="Type" name="type" value={filters.type}>
          {FINDING_TYPES.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </Select>
        <Select label="Exploit" name="exploit" value={filters.exploit ?? ""}>
          <option value="">Any</option>
          <option value="yes">Exploit available</option>
          <option value="no">No known exploit</option>
        </Select>
        <NumberField
          label="EPSS ≥ %"
          name="epss"
          max={100}
          step="any"
          value={filters.epss}
        />
        <NumberField
          label="Score ≥"
          name="score"
          max={10}
          step="0.1"
          value={filters.score}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Severity</legend>
          {FINDING_SEVERITIES.map((severity) => (
            <Check
              key={severity}
              name="severity"
              value={severity}
              checked={filters.severity.includes(severity)}
              label={severity.toLowerCase()}
            />
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Fix available</legend>
          {FIX_VALUES.map((fix) => (
            <Check
              key={fix}
              name="fix"
              value={fix}
              checked={filters.fix.includes(fix)}
              label={FIX_LABELS[fix]}
            />
          ))}
        </fieldset>
        <input type="hidden" name="sort" value={filters.sort} />
        {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
        <input type="hidden" name="pageSize" value={filters.pageSize} />
        <span className="ml-auto flex gap-2">
          <Link href={path} className={buttonClass("ghost", "sm")}>
            Clear
          </Link>
          <button type="submit" className={buttonClass("primary", "sm")}>
            Apply filters
          </button>
        </span>
      </div>
    </form>
  );
}

function NumberField({
  label,
  name,
  max,
  step,
  value,
}: {
  label: string;
  name: string;
  max: number;
  step: string;
  value: number | undefined;
}) {
  return (
    <label className="text-xs text-slate-500">
      {label}
      <input
        type="number"
        name={name}
        min={0}
        max={max}
        step={step}
        defaultValue={value ?? ""}
        className={`${INPUT} mt-1 block w-24`}
      />
    </label>
  );
}

function Select({
  label,
  name,
  value,
  children,
}: {
  label: string;
  name: string;
  value: string;
  children: React.ReactNode;
}) {
  return (
    <label className="text-xs text-slate-500">
      {label}
      <select name={name} defaultValue={value} className={`${INPUT} mt-1 block`}>
        {children}
      </select>
    </label>
  );
}

function Check({
  name,
  value,
  checked,
  label,
}: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
}) {
  return (
    <label className="inline-flex items-center gap-1.5 text-slate-700">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        className="rounded border-slate-300"
      />
      <span className="capitalize">{label}</span>
    </label>
  );
}
