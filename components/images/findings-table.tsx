"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { useState } from "react";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

export interface FindingRowView {
  id: string;
  vulnerabilityId: string;
  severity: string;
  packageName: string | null;
  installedVersion: string | null;
  fixedInVersion: string | null;
  extraPackages: number;
  inspectorScore: number | null;
  exploitAvailable: boolean;
  fixAvailable: string;
}

const SEVERITY_RANK: Record<string, number> = {
  CRITICAL: 0,
  HIGH: 1,
  MEDIUM: 2,
  LOW: 3,
  INFORMATIONAL: 4,
  UNTRIAGED: 5,
};

const SEVERITY_TONE: Record<string, BadgeTone> = {
  CRITICAL: "red",
  HIGH: "orange",
  MEDIUM: "amber",
  LOW: "blue",
  INFORMATIONAL: "slate",
  UNTRIAGED: "purple",
};

const column = createColumnHelper<FindingRowView>();

const COLUMNS = [
  column.accessor("vulnerabilityId", {
    header: "CVE",
    cell: (info) => (
      <span className="font-mono text-xs font-medium">{info.getValue()}</span>
    ),
  }),
  column.accessor("packageName", {
    header: "Package",
    cell: (info) => (
      <span>
        {info.getValue() ?? "—"}
        {info.row.original.extraPackages > 0 && (
          <span className="ml-1 text-xs text-slate-400">
            +{info.row.original.extraPackages}
          </span>
        )}
      </span>
    ),
  }),
  column.accessor("installedVersion", {
    header: "Installed",
    cell: (info) => <Mono value={info.getValue()} />,
  }),
  column.accessor("fixedInVersion", {
    header: "Fixed in",
    cell: (info) => <Mono value={info.getValue()} />,
  }),
  column.accessor("severity", {
    header: "Severity",
    sortingFn: (a, b) =>
      SEVERITY_RANK[a.original.severity] - SEVERITY_RANK[b.original.severity],
    cell: (info) => (
      <Badge tone={SEVERITY_TONE[info.getValue()] ?? "slate"}>
        {info.getValue()}
      </Badge>
    ),
  }),
  column.accessor("inspectorScore", {
    header: "Score",
    sortDescFirst: true,
    cell: (info) => (
      <span className="tabular-nums">{info.getValue()?.toFixed(1) ?? "—"}</span>
    ),
  }),
  column.accessor("exploitAvailable", {
    header: "Exploit",
    cell: (info) =>
      info.getValue() ? <Badge tone="red">Yes</Badge> : <span className="text-slate-400">No</span>,
  }),
  column.accessor("fixAvailable", {
    header: "Fix",
    cell: (info) => <FixBadge value={info.getValue()} />,
  }),
];

export function FindingsTable({ rows }: { rows: FindingRowView[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState("");
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows;

  return (
    <div>
      <div className="flex items-center justify-between gap-3 px-5 py-3">
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Filter by CVE or package"
          aria-label="Filter findings"
          className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <span className="text-xs text-slate-500">
          {shown.length} of {rows.length} findings
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="findings-table">
          <thead className="border-y border-slate-200 bg-slate-50 text-xs text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();

                  return (
                    <th
                      key={header.id}
                      className="px-4 py-2 font-medium"
                      aria-sort={
                        sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                      }
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 hover:text-slate-900"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden className="text-slate-400">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50/70">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2 align-top">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Mono({ value }: { value: string | null }) {
  return (
    <span className={cn("font-mono text-xs", !value && "text-slate-400")}>
      {value ?? "—"}
    </span>
  );
}

function FixBadge({ value }: { value: string }) {
  if (value === "YES") return <Badge tone="green">Yes</Badge>;
  if (value === "PARTIAL") return <Badge tone="amber">Partial</Badge>;

  return <span className="text-slate-400">No</span>;
}
