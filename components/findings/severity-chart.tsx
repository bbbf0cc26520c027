"use client";

import {
  Bar,
  BarChart,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const COLORS: Record<string, string> = {
  CRITICAL: "#dc2626",
  HIGH: "#f97316",
  MEDIUM: "#fbbf24",
  LOW: "#7dd3fc",
  INFORMATIONAL: "#cbd5e1",
  UNTRIAGED: "#c4b5fd",
};

const LABELS: Record<string, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  INFORMATIONAL: "Info",
  UNTRIAGED: "Untriaged",
};

/** Findings per severity as horizontal bars. */
export function SeverityChart({ counts }: { counts: Record<string, number> }) {
  const data = Object.keys(LABELS).map((severity) => ({
    severity,
    label: LABELS[severity],
    count: counts[severity] ?? 0,
  }));

  return (
    <div
      className="h-48 w-full"
      role="img"
      aria-label={`Findings by severity: ${data
        .map((d) => `${d.label} ${d.count}`)
        .join(", ")}`}
      data-testid="severity-chart"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 32, bottom: 4, left: 8 }}
        >
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis
            type="category"
            dataKey="label"
            width={72}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 12, fill: "#475569" }}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="count" name="Findings" radius={[0, 4, 4, 0]}>
            {data.map((d) => (
              <Cell key={d.severity} fill={COLORS[d.severity]} />
            ))}
            <LabelList
              dataKey="count"
              position="right"
              style={{ fontSize: 12, fill: "#334155" }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
