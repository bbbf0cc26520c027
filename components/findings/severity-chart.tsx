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

import { SEVERITY_COLORS } from "@/components/images/severity-badge";
import {
  SEVERITY_KEYS,
  SEVERITY_STYLES,
  type Counts,
} from "@/components/images/severity-counts";

/** Findings per severity as horizontal bars, worst first. */
export function SeverityChart({ counts }: { counts: Counts }) {
  const data = SEVERITY_KEYS.map((key) => ({
    key,
    label: SEVERITY_STYLES[key].label,
    count: counts[key],
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
          margin={{ top: 4, right: 40, bottom: 4, left: 8 }}
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
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Bar dataKey="count" name="Findings" radius={[0, 4, 4, 0]}>
            {data.map((d) => (
              <Cell key={d.key} fill={SEVERITY_COLORS[d.key]} />
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
