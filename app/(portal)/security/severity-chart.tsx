"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import {
  CHART_AXIS,
  SEVERITY_COLORS,
} from "@/components/images/severity-badge";
import {
  SEVERITY_KEYS,
  SEVERITY_STYLES,
  type Counts,
} from "@/components/images/severity-counts";

export function SeverityChart({ counts }: { counts: Counts }) {
  const data = SEVERITY_KEYS.map((key) => ({
    key,
    label: SEVERITY_STYLES[key].label,
    value: counts[key],
  }));

  return (
    <div className="h-64" data-testid="severity-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="label"
            {...CHART_AXIS}
          />
          <YAxis
            allowDecimals={false}
            {...CHART_AXIS}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            formatter={(value) => [value, "Findings"]}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Bar dataKey="value" radius={[4, 4, 0, 0]} maxBarSize={48}>
            {data.map((entry) => (
              <Cell key={entry.key} fill={SEVERITY_COLORS[entry.key]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
