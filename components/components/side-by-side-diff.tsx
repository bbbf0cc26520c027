import { cn } from "@/components/ui/cn";
import { diffStats, sideBySide, type DiffCell } from "@/lib/components/diff";

const SIDE_TONE = {
  same: ["", ""],
  removed: ["bg-red-50", "bg-slate-50"],
  added: ["bg-slate-50", "bg-emerald-50"],
  changed: ["bg-red-50", "bg-emerald-50"],
} as const;

/** Two documents line by line, left the older, right the newer. */
export function SideBySideDiff({
  before,
  after,
  leftTitle,
  rightTitle,
}: {
  before: string;
  after: string;
  leftTitle: string;
  rightTitle: string;
}) {
  const rows = sideBySide(before, after);
  const stats = diffStats(rows);

  return (
    <div data-testid="diff">
      <p className="mb-2 text-sm text-slate-600">
        <span className="text-emerald-700">+{stats.added}</span>{" "}
        <span className="text-red-700">−{stats.removed}</span> lines
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full table-fixed font-mono text-xs">
          <colgroup>
            <col className="w-12" />
            <col />
            <col className="w-12" />
            <col />
          </colgroup>
          <thead className="bg-slate-100 text-left font-sans text-slate-600">
            <tr>
              <th className="px-3 py-1.5" colSpan={2}>{leftTitle}</th>
              <th className="px-3 py-1.5" colSpan={2}>{rightTitle}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} data-kind={row.kind}>
                <Cell cell={row.left} tone={SIDE_TONE[row.kind][0]} />
                <Cell cell={row.right} tone={SIDE_TONE[row.kind][1]} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Cell({ cell, tone }: { cell?: DiffCell; tone: string }) {
  return (
    <>
      <td className={cn("px-2 text-right text-slate-400 select-none", tone)}>
        {cell?.line}
      </td>
      <td className={cn("px-2 break-all whitespace-pre-wrap", tone)}>
        {cell?.text}
      </td>
    </>
  );
}
