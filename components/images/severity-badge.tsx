import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  CRITICAL: "red",
  HIGH: "orange",
  MEDIUM: "amber",
  LOW: "blue",
  INFORMATIONAL: "slate",
  UNTRIAGED: "purple",
};

export function SeverityBadge({ severity }: { severity: string }) {
  if (severity === "UNKNOWN") return <span className="text-slate-400">—</span>;

  return <Badge tone={TONE[severity] ?? "slate"}>{severity}</Badge>;
}

/** Chart colours per severity, matching the count chips. */
export const SEVERITY_COLORS = {
  critical: "#dc2626",
  high: "#f97316",
  medium: "#fbbf24",
  low: "#38bdf8",
  informational: "#94a3b8",
  untriaged: "#a78bfa",
} as const;

/** Axis and grid styling shared by the fleet charts. */
export const CHART_AXIS = {
  tickLine: false,
  axisLine: false,
  tick: { fontSize: 12, fill: "#64748b" },
} as const;
