import { Badge } from "@/components/ui/badge";
import {
  displayVersion,
  installedVersion,
  type CvssScore,
  type FindingPackage,
} from "@/lib/findings/map-finding";

export function FixBadge({ value }: { value: string }) {
  if (value === "YES") return <Badge tone="green">Yes</Badge>;
  if (value === "PARTIAL") return <Badge tone="amber">Partial</Badge>;
  if (value === "NO") return <span className="text-slate-500">No</span>;

  return <span className="text-slate-400">n/a</span>;
}

/** Installed → fixed for each package; "no fix yet" when none exists. */
export function PackageVersions({ packages }: { packages: FindingPackage[] }) {
  if (packages.length === 0) return <span className="text-slate-400">n/a</span>;

  return (
    <ul className="space-y-0.5">
      {packages.map((pkg) => (
        <li key={`${pkg.name}-${pkg.version}`} className="whitespace-nowrap">
          <span className="font-medium text-slate-800">{pkg.name}</span>{" "}
          <span className="font-mono text-xs text-slate-600">
            {installedVersion(pkg) ?? "?"} →{" "}
            {pkg.fixedInVersion ? (
              displayVersion(pkg.fixedInVersion)
            ) : (
              <span className="font-sans text-amber-700">no fix yet</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The primary score, and NVD's beneath it when it differs. */
export function ScoreCell({
  score,
  source,
  cvss,
}: {
  score: number | null;
  source: string | null;
  cvss: CvssScore[];
}) {
  const nvd = cvss.find((entry) => entry.source === "NVD");
  const showNvd =
    nvd?.baseScore != null && source !== "NVD" && nvd.baseScore !== score;

  return (
    <span className="tabular-nums">
      <span title={source ?? undefined}>{score?.toFixed(1) ?? "—"}</span>
      {showNvd && (
        <span className="block text-xs text-slate-400">
          NVD {nvd.baseScore!.toFixed(1)}
        </span>
      )}
    </span>
  );
}

export function epssText(epss: number | null): string {
  if (epss === null) return "—";
  const percent = epss * 100;

  return `${percent < 1 ? percent.toFixed(3) : percent.toFixed(1)} %`;
}
