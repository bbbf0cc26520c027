import type { Metadata } from "next";
import Link from "next/link";

import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import {
  blankRegion,
  launchSummary,
  previewDistribution,
} from "@/lib/pipelines/distribution-preview";
import { listDistributionSettings } from "@/lib/queries/pipelines";

import { DistributionForm } from "./distribution-form";

export const metadata: Metadata = { title: "Distribution settings" };

export default async function DistributionPage({
  searchParams,
}: {
  searchParams: Promise<{ edit?: string }>;
}) {
  await requirePageUser(["admin", "reviewer"]);
  const { edit } = await searchParams;
  const settings = await listDistributionSettings();
  const editing = settings.find((setting) => setting.id === edit);

  return (
    <>
      <PageHeader
        title="Distribution settings"
        description="Regions, AMI names, encryption and sharing for pipeline outputs."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card>
          <CardHeader title="Settings" />
          <ul className="divide-y divide-slate-100" data-testid="distribution-list">
            {settings.map((setting) => (
              <li key={setting.id} className="px-5 py-3 text-sm">
                <div className="flex items-center justify-between">
                  <span className="font-medium">{setting.name}</span>
                  <Link
                    href={`/admin/distribution?edit=${setting.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    Edit
                  </Link>
                </div>
                {previewDistribution(setting.regions).regions.map((row) => (
                  <p key={row.region} className="text-slate-500">
                    {row.region}: {launchSummary(row)}
                  </p>
                ))}
              </li>
            ))}
            {settings.length === 0 && (
              <li className="px-5 py-3 text-sm text-slate-500">No settings yet.</li>
            )}
          </ul>
        </Card>
        <Card>
          <CardHeader title={editing ? `Edit ${editing.name}` : "New distribution"} />
          <DistributionForm
            key={editing?.id ?? "new"}
            initial={
              editing ?? { name: "", description: "", regions: [blankRegion()] }
            }
          />
        </Card>
      </div>
    </>
  );
}
