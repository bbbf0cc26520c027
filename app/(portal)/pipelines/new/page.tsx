import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { pipelineFormOptions } from "@/lib/queries/pipelines";

import { PipelineForm } from "./pipeline-form";

export const metadata: Metadata = { title: "New pipeline" };

export default async function NewPipelinePage() {
  const user = await requirePageUser(["engineer", "admin"]);
  const options = await pipelineFormOptions(user);
  const missing =
    options.versions.length === 0
      ? "Build an image from Golden AMIs first: a pipeline runs a recipe " +
        "version your team built. That first build also makes the CCOE's " +
        "default presets available here."
      : options.presets.length === 0 || options.distributions.length === 0
        ? "No infrastructure preset or distribution setting is published " +
          "yet. Ask a CCOE reviewer or an admin (Admin → presets)."
        : null;

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/pipelines">← Pipelines</Link>}
        title="New pipeline"
      />
      {missing ? (
        <EmptyState title="Not yet possible">{missing}</EmptyState>
      ) : (
        <Card>
          <PipelineForm
            versions={options.versions.map((v) => ({
              id: v.id,
              label: `${v.recipe.name} ${v.version}`,
            }))}
            presets={options.presets.map((p) => ({ id: p.id, label: p.name }))}
            distributions={options.distributions.map((d) => ({
              id: d.id,
              label: d.name,
            }))}
          />
        </Card>
      )}
    </>
  );
}
