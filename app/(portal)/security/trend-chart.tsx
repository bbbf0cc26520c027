"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import {
  CHART_AXIS,
  SEVERITY_COLORS,
} from "@/components/images/severity-badge";

export interface TrendPoint {
  week: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

const SERIES = [
  { key: "critical", label: "Critical" },
  { key: "high", label: "High" },
  { key: "medium", label: "Medium" },
  { key: "low", label: "Low" },
] as const;

const day = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export function TrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <div className="h-64" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="week"
            tickFormatter={(week: string) => day.format(new Date(week))}
            minTickGap={24}
            {...CHART_AXIS}
          />
          <YAxis
            allowDecimals={false}
            {...CHART_AXIS}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            labelFormatter={(week) => `Week of ${day.format(new Date(String(week)))}`}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Legend
            iconType="circle"
            iconSize={8}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
          />
          {SERIES.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={series.label}
              stackId="findings"
              fill={SEVERITY_COLORS[series.key]}
              maxBarSize={18}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
