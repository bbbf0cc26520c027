"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import {
  controlClass,
  errorAt,
  FormField,
  FormMessage,
  Toggle,
} from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { saveDistributionSettingAction } from "@/lib/actions/presets";
import { blankRegion } from "@/lib/pipelines/distribution-preview";
import type { DistributionRegion } from "@/lib/validations/distribution";
import { parseList, parseTagLines, tagLines } from "@/lib/validations/tags";

import { DistributionPreviewTable } from "./distribution-preview-table";

type RegionText = Record<
  | "region"
  | "amiName"
  | "description"
  | "amiTags"
  | "kmsKeyId"
  | "targetAccountIds"
  | "launchAccountIds"
  | "launchOrganizationArns"
  | "launchOuArns",
  string
> & { launchPublic: boolean };

const LIST_FIELDS = [
  ["targetAccountIds", "Copy to accounts"],
  ["launchAccountIds", "Launch: accounts"],
  ["launchOrganizationArns", "Launch: organization ARNs"],
  ["launchOuArns", "Launch: OU ARNs"],
] as const;

export function DistributionForm({
  initial,
}: {
  initial: {
    id?: string;
    name: string;
    description: string;
    regions: DistributionRegion[];
  };
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [regions, setRegions] = useState<RegionText[]>(
    initial.regions.map(toText),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const parsed = regions.map(fromText);

  const update = (index: number, patch: Partial<RegionText>) =>
    setRegions(regions.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveDistributionSettingAction({
        id: initial.id,
        name,
        description,
        regions: parsed,
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }

      setErrors({});
      setMessage(null);
      router.push("/admin/distribution");
      router.refresh();
    });
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-4 p-5"
      aria-label="Distribution setting"
    >
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="dist-name" label="Name" error={errors.name}>
          <input
            id="dist-name"
            className={controlClass}
            value={name}
            readOnly={Boolean(initial.id)}
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
        <FormField
          id="dist-description"
          label="Description"
          error={errors.description}
        >
          <input
            id="dist-description"
            className={controlClass}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </FormField>
      </div>

      {regions.map((entry, index) => {
        const at = (field: string) =>
          errorAt(errors, `regions.${index}.${field}`);
        const id = (field: string) => `dist-${index}-${field}`;

        return (
          <fieldset
            key={index}
            className="space-y-3 rounded-lg border border-slate-200 p-4"
            aria-label={`Region ${index + 1}`}
          >
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField id={id("region")} label="Region" error={at("region")}>
                <input
                  id={id("region")}
                  className={controlClass}
                  value={entry.region}
                  onChange={(e) => update(index, { region: e.target.value })}
                />
              </FormField>
              <FormField
                id={id("amiName")}
                label="AMI name"
                hint="Must include {{ imagebuilder:buildDate }}"
                error={at("amiName")}
              >
                <input
                  id={id("amiName")}
                  className={controlClass}
                  value={entry.amiName}
                  onChange={(e) => update(index, { amiName: e.target.value })}
                />
              </FormField>
              <FormField
                id={id("description")}
                label="AMI description"
                error={at("description")}
              >
                <input
                  id={id("description")}
                  className={controlClass}
                  value={entry.description}
                  onChange={(e) =>
                    update(index, { description: e.target.value })
                  }
                />
              </FormField>
              <FormField
                id={id("kmsKeyId")}
                label="KMS key"
                hint="Empty: the region's default EBS key"
                error={at("kmsKeyId")}
              >
                <input
                  id={id("kmsKeyId")}
                  className={controlClass}
                  value={entry.kmsKeyId}
                  onChange={(e) => update(index, { kmsKeyId: e.target.value })}
                />
              </FormField>
              {LIST_FIELDS.map(([field, label]) => (
                <FormField
                  key={field}
                  id={id(field)}
                  label={label}
                  hint="Comma-separated"
                  error={at(field)}
                >
                  <input
                    id={id(field)}
                    className={controlClass}
                    value={entry[field]}
                    onChange={(e) => update(index, { [field]: e.target.value })}
                  />
                </FormField>
              ))}
              <FormField
                id={id("amiTags")}
                label="AMI tags"
                hint="key=value per line"
                error={at("amiTags")}
              >
                <textarea
                  id={id("amiTags")}
                  rows={2}
                  className={controlClass}
                  value={entry.amiTags}
                  onChange={(e) => update(index, { amiTags: e.target.value })}
                />
              </FormField>
            </div>
            <div className="flex items-center justify-between">
              <Toggle
                id={id("public")}
                label="Make the AMI public"
                checked={entry.launchPublic}
                onChange={(v) => update(index, { launchPublic: v })}
              />
              {regions.length > 1 && (
                <Button
                  type="button"
                  variant="danger"
                  size="sm"
                  onClick={() =>
                    setRegions(regions.filter((_, i) => i !== index))
                  }
                >
                  Remove region
                </Button>
              )}
            </div>
          </fieldset>
        );
      })}
      <Button
        type="button"
        variant="secondary"
        onClick={() => setRegions([...regions, toText(blankRegion())])}
      >
        Add region
      </Button>

      <DistributionPreviewTable regions={parsed} />

      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save distribution"}
      </Button>
    </form>
  );
}

function toText(region: DistributionRegion): RegionText {
  return {
    region: region.region,
    amiName: region.amiName,
    description: region.description,
    amiTags: tagLines(region.amiTags),
    kmsKeyId: region.kmsKeyId ?? "",
    targetAccountIds: region.targetAccountIds.join(", "),
    launchAccountIds: region.launchAccountIds.join(", "),
    launchOrganizationArns: region.launchOrganizationArns.join(", "),
    launchOuArns: region.launchOuArns.join(", "),
    launchPublic: region.launchPublic,
  };
}

function fromText(text: RegionText): DistributionRegion {
  return {
    region: text.region.trim(),
    amiName: text.amiName,
    description: text.description,
    amiTags: parseTagLines(text.amiTags),
    kmsKeyId: text.kmsKeyId.trim() || undefined,
    targetAccountIds: parseList(text.targetAccountIds),
    launchAccountIds: parseList(text.launchAccountIds),
    launchOrganizationArns: parseList(text.launchOrganizationArns),
    launchOuArns: parseList(text.launchOuArns),
    launchPublic: text.launchPublic,
  };
}
