import type { Metadata } from "next";
import Link from "next/link";

import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listInfrastructurePresets } from "@/lib/queries/pipelines";

import { InfrastructureForm, type PresetValues } from "./infrastructure-form";

export const metadata: Metadata = { title: "Infrastructure presets" };

const BLANK: PresetValues = {
  name: "",
  description: "",
  instanceTypes: ["t3.medium"],
  instanceProfileName: "EC2InstanceProfileForImageBuilder",
  subnetId: "",
  securityGroupIds: [],
  httpTokensRequired: true,
  terminateOnFailure: true,
  logBucket: "",
  logPrefix: "",
  snsTopicArn: "",
  resourceTags: {},
};

export default async function InfrastructurePage({
  searchParams,
}: {
  searchParams: Promise<{ edit?: string }>;
}) {
  await requirePageUser(["admin", "reviewer"]);
  const { edit } = await searchParams;
  const presets = await listInfrastructurePresets();
  const editing = presets.find((preset) => preset.id === edit);

  return (
    <>
      <PageHeader
        title="Infrastructure presets"
        description="Where and how Image Builder launches build instances. Engineers pick one per pipeline."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Presets" />
          <ul className="divide-y divide-slate-100" data-testid="preset-list">
            {presets.map((preset) => (
              <li key={preset.id} className="px-5 py-3 text-sm">
                <div className="flex items-center justify-between">
                  <span className="font-medium">{preset.name}</span>
                  <Link
                    href={`/admin/infrastructure?edit=${preset.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    Edit
                  </Link>
                </div>
                <p className="text-slate-500">
                  {preset.instanceTypes.join(", ")} ·{" "}
                  {preset.subnetId ?? "default VPC"} · IMDSv2{" "}
                  {preset.httpTokensRequired ? "required" : "optional"}
                </p>
              </li>
            ))}
            {presets.length === 0 && (
              <li className="px-5 py-3 text-sm text-slate-500">
                No presets yet.
              </li>
            )}
          </ul>
        </Card>
        <Card>
          <CardHeader title={editing ? `Edit ${editing.name}` : "New preset"} />
          <InfrastructureForm
            key={editing?.id ?? "new"}
            initial={
              editing
                ? {
                    ...editing,
                    subnetId: editing.subnetId ?? "",
                    logBucket: editing.logBucket ?? "",
                    logPrefix: editing.logPrefix ?? "",
                    snsTopicArn: editing.snsTopicArn ?? "",
                    resourceTags: editing.resourceTags as Record<
                      string,
                      string
                    >,
                  }
                : BLANK
            }
          />
        </Card>
      </div>
    </>
  );
}
