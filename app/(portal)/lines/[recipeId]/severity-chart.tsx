"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
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

import { SEVERITY_COLORS } from "@/components/images/severity-badge";

export interface ChartPoint {
  imageId: string;
  label: string;
  at: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  informational: number;
  untriaged: number;
}

// Worst first; the tooltip keeps this order (recharts sorts by name).
const SERIES = [
  { key: "critical", name: "Critical" },
  { key: "high", name: "High" },
  { key: "medium", name: "Medium" },
  { key: "low", name: "Low" },
  { key: "informational", name: "Informational" },
  { key: "untriaged", name: "Untriaged" },
] as const;

/** Findings per build of the line, oldest left; a click opens the image. */
export function SeverityChart({ points }: { points: ChartPoint[] }) {
  const router = useRouter();
  // A pointer resting where the chart renders would open the tooltip on
  // load; it opens only once the pointer moves over the chart.
  const [hover, setHover] = useState(false);

  return (
    <div
      className="h-64 w-full"
      data-testid="line-chart"
      onPointerMove={() => setHover(true)}
      onPointerLeave={() => setHover(false)}
    >
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
            active={hover ? undefined : false}
            cursor={hover}
            itemSorter={(item) =>
              SERIES.findIndex((series) => series.key === item.dataKey)
            }
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
              stroke={SEVERITY_COLORS[series.key]}
              strokeWidth={2}
              dot={{ r: 3 }}
              activeDot={hover ? { r: 5 } : false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
