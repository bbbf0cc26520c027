"use client";

import { useRouter } from "next/navigation";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface ChartPoint {
  imageId: string;
  label: string;
  at: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

const SERIES = [
  { key: "critical", name: "Critical", color: "#dc2626" },
  { key: "high", name: "High", color: "#f97316" },
  { key: "medium", name: "Medium", color: "#f59e0b" },
  { key: "low", name: "Low", color: "#38bdf8" },
] as const;

/** Findings per build of the line, oldest left; a click opens the image. */
export function SeverityChart({ points }: { points: ChartPoint[] }) {
  const router = useRouter();

  return (
    <div className="h-64 w-full" data-testid="line-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
          onClick={(state) => {
            const index = Number(state?.activeTooltipIndex);
            const point = Number.isInteger(index) ? points[index] : undefined;
            if (point) router.push(`/images/${point.imageId}`);
          }}
          className="cursor-pointer"
        >
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} stroke="#94a3b8" />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} stroke="#94a3b8" />
          <Tooltip
            labelFormatter={(label, payload) => {
              const at = payload?.[0]?.payload?.at as string | undefined;

              return at ? `${label} · ${at.slice(0, 10)}` : String(label);
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {SERIES.map((series) => (
            <Line
              key={series.key}
              type="linear"
              dataKey={series.key}
              name={series.name}
              stroke={series.color}
              strokeWidth={2}
              dot={{ r: 3 }}
              activeDot={{ r: 5 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
