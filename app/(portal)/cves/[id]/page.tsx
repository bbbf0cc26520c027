import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import {
  epssText,
  FixBadge,
  PackageVersions,
} from "@/components/findings/finding-cells";
import { SeverityBadge } from "@/components/images/severity-badge";
import { StatusBadge } from "@/components/images/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { getCveDetail } from "@/lib/findings/cve";
import { displayVersion } from "@/lib/findings/map-finding";
import { plural } from "@/lib/format";
import { pathSegment } from "@/lib/validations/problems";

export const metadata: Metadata = { title: "CVE" };

export default async function CvePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  const cveId = pathSegment(id);
  if (cveId === null) notFound();

  const cve = await getCveDetail(user, cveId);
  if (!cve) notFound();

  return (
    <>
      <PageHeader
        eyebrow="Vulnerability"
        title={
          <span className="flex flex-wrap items-center gap-3 font-mono">
            {cve.id} <SeverityBadge severity={cve.severity} />
          </span>
        }
        description={cve.description || "Inspector gave no description."}
      />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader
              title="Scores"
              description={`Primary: Inspector ${cve.inspectorScore?.toFixed(1) ?? "—"}${cve.scoreSource ? ` (${cve.scoreSource})` : ""} · EPSS ${epssText(cve.epss)} · exploit ${cve.exploitAvailable ? "available" : "not known"}`}
            />
            <DataTable
              columns={["Source", "CVSS", "Score", "Vector"]}
              data-testid="cvss-table"
            >
              {cve.cvss.map((score, index) => (
                <tr key={`${score.source}-${index}`}>
                  <td className="px-5 py-2">{score.source ?? "—"}</td>
                  <td className="px-5 py-2">{score.version ?? "—"}</td>
                  <td className="px-5 py-2 tabular-nums">
                    {score.baseScore?.toFixed(1) ?? "—"}
                  </td>
                  <td className="px-5 py-2 font-mono text-xs break-all">
                    {score.vector ?? "—"}
                  </td>
                </tr>
              ))}
              {cve.cvss.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-5 py-3 text-slate-500">
                    Inspector gave no CVSS score.
                  </td>
                </tr>
              )}
            </DataTable>
            {cve.scoreVector && (
              <p className="px-5 py-3 text-xs text-slate-500">
                Vector of the primary score:{" "}
                <span className="font-mono">{cve.scoreVector}</span>
              </p>
            )}
          </Card>
          <Card>
            <CardHeader
              title="Packages"
              description="Vulnerable and fixed versions seen"
            />
            <ul
              className="divide-y divide-slate-100 text-sm"
              data-testid="cve-packages"
            >
              {cve.packages.map((pkg) => (
                <li key={pkg.name} className="px-5 py-2">
                  <span className="font-medium">{pkg.name}</span>
                  <span className="ml-2 font-mono text-xs text-slate-600">
                    {pkg.installed.join(", ") || "?"} →{" "}
                    {pkg.fixed.map((v) => displayVersion(v)).join(", ")}
                    {pkg.noFix && (
                      <span className="font-sans text-amber-700">
                        {pkg.fixed.length ? " · " : ""}no fix yet
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
            <div className="border-t border-slate-100 px-5 py-3 text-sm">
              <h3 className="text-xs font-medium text-slate-500">References</h3>
              <ul className="mt-1 space-y-0.5">
                {[...new Set([cve.sourceUrl, ...cve.referenceUrls])]
                  .filter((url): url is string => Boolean(url))
                  .map((url) => (
                    <li key={url}>
                      <a
                        href={url}
                        rel="noreferrer noopener"
                        target="_blank"
                        className="break-all text-brand-700 hover:underline"
                      >
                        {url}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          </Card>
        </div>
        <Card>
          <CardHeader
            title="Images with this vulnerability"
            description={
              `${plural(cve.total, "finding")} on images you can see, ` +
              "newest image first"
            }
          />
          <DataTable
            columns={["Image", "Package", "Team", "Built", "Finding", "Fix"]}
            data-testid="cve-images"
          >
            {cve.images.map((row) => (
              <tr key={row.id}>
                <td className="px-5 py-2">
                  <Link
                    href={`/images/${row.image.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {row.image.recipe.name}{" "}
                    <span className="font-mono text-xs">
                      {row.image.version}
                    </span>
                  </Link>{" "}
                  <StatusBadge status={row.image.status} />
                </td>
                <td className="px-5 py-2" data-testid="cve-image-package">
                  <PackageVersions packages={row.packages} />
                </td>
                <td className="px-5 py-2">{row.image.team.name}</td>
                <td className="px-5 py-2 text-xs">
                  {row.image.createdAt.toISOString().slice(0, 10)}
                </td>
                <td className="px-5 py-2 text-xs">
                  {row.status.toLowerCase()}
                </td>
                <td className="px-5 py-2">
                  <FixBadge value={row.fixAvailable} />
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
      </div>
    </>
  );
}
