import {
  launchSummary,
  previewDistribution,
} from "@/lib/pipelines/distribution-preview";
import type { DistributionRegion } from "@/lib/validations/distribution";

/** Where the AMI lands and who can launch it, recomputed as you type. */
export function DistributionPreviewTable({
  regions,
}: {
  regions: DistributionRegion[];
}) {
  const preview = previewDistribution(regions);

  return (
    <div
      className="space-y-2 rounded-lg bg-slate-50 p-4 text-sm"
      data-testid="distribution-preview"
    >
      <h3 className="font-semibold text-slate-800">Preview</h3>
      <table className="w-full text-left">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 font-medium">Region</th>
            <th className="py-1 font-medium">Copied to</th>
            <th className="py-1 font-medium">Who can launch</th>
            <th className="py-1 font-medium">Encryption</th>
          </tr>
        </thead>
        <tbody>
          {preview.regions.map((row, index) => (
            <tr key={`${row.region}-${index}`}>
              <td className="py-1 font-mono text-xs">{row.region}</td>
              <td className="py-1 text-xs">
                {row.copiesTo.length
                  ? row.copiesTo.join(", ")
                  : "building account only"}
              </td>
              <td className="py-1 text-xs">{launchSummary(row)}</td>
              <td className="py-1 text-xs">{row.encryption}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600">
        {preview.copyJobs} cross-account copy job
        {preview.copyJobs === 1 ? "" : "s"}.
      </p>
      {preview.warnings.map((warning) => (
        <p key={warning} className="text-xs text-amber-800" role="status">
          ⚠ {warning}
        </p>
      ))}
      {preview.reminders.map((reminder) => (
        <p key={reminder} className="text-xs text-slate-600">
          • {reminder}
        </p>
      ))}
    </div>
  );
}
