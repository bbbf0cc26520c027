import { cn } from "@/components/ui/cn";

export const SEVERITY_STYLES = {
  critical: { label: "Critical", className: "bg-red-600 text-white" },
  high: { label: "High", className: "bg-orange-500 text-white" },
  medium: { label: "Medium", className: "bg-amber-300 text-amber-950" },
  low: { label: "Low", className: "bg-sky-100 text-sky-900" },
  informational: { label: "Info", className: "bg-slate-100 text-slate-700" },
  untriaged: { label: "Untriaged", className: "bg-violet-100 text-violet-800" },
} as const;

export type SeverityKey = keyof typeof SEVERITY_STYLES;
export const SEVERITY_KEYS = Object.keys(SEVERITY_STYLES) as SeverityKey[];

export type Counts = Record<SeverityKey, number>;

/** Compact findings counts; `null` when the image has not been scanned. */
export function SeverityCounts({
  counts,
  compact = false,
  status,
}: {
  counts: Counts | null;
  compact?: boolean;
  /** The build's status, to tell "no scan ever" from "not yet". */
  status?: string;
}) {
  if (!counts) {
    const never = status === "FAILED" || status === "CANCELLED";

    return (
      <span className="text-xs text-slate-400">
        {never ? "No scan: the build did not finish" : "Not scanned yet"}
      </span>
    );
  }

  const keys = compact
    ? SEVERITY_KEYS.filter((key) => key !== "informational" && key !== "untriaged")
    : SEVERITY_KEYS;

  return (
    <span className="inline-flex flex-wrap gap-1" aria-label="Findings by severity">
      {keys.map((key) => (
        <span
          key={key}
          title={SEVERITY_STYLES[key].label}
          data-severity={key}
          className={cn(
            "inline-flex min-w-7 items-center justify-center gap-1 rounded px-1.5",
            "py-0.5 text-xs font-semibold tabular-nums",
            counts[key] === 0
              ? "bg-slate-50 text-slate-400"
              : SEVERITY_STYLES[key].className,
          )}
        >
          {compact ? SEVERITY_STYLES[key].label[0] : SEVERITY_STYLES[key].label}{" "}
          {counts[key]}
        </span>
      ))}
    </span>
  );
}
