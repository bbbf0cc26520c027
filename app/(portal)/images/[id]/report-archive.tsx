import { Card, CardHeader } from "@/components/ui/card";

/** Every archived findings report of the image, newest first. */
export function ReportArchive({
  reports,
}: {
  reports: { id: string; createdAt: Date; findings: number }[];
}) {
  return (
    <Card>
      <CardHeader
        title="Findings reports"
        description="Archived after each scan, kept with the image's history"
      />
      {reports.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">
          No report archived for this image. Reports are written when the
          portal collects a scan's findings; the findings above can be
          exported at any time.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="report-archive">
          {reports.map((report) => (
            <li key={report.id} className="flex items-center gap-4 px-5 py-2">
              <span>{report.createdAt.toISOString()}</span>
              <span className="text-slate-500">{report.findings} findings</span>
              <a
                href={`/api/reports/${report.id}/json`}
                className="text-brand-700 hover:underline"
                download
              >
                JSON
              </a>
              <a
                href={`/api/reports/${report.id}/csv`}
                className="text-brand-700 hover:underline"
                download
              >
                CSV
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
