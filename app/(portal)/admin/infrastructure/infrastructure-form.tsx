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
import { saveInfrastructurePresetAction } from "@/lib/actions/presets";
import { parseList, parseTagLines, tagLines } from "@/lib/validations/tags";

export interface PresetValues {
  id?: string;
  name: string;
  description: string;
  instanceTypes: string[];
  instanceProfileName: string;
  subnetId: string;
  securityGroupIds: string[];
  httpTokensRequired: boolean;
  terminateOnFailure: boolean;
  logBucket: string;
  logPrefix: string;
  snsTopicArn: string;
  resourceTags: Record<string, string>;
}

export function InfrastructureForm({ initial }: { initial: PresetValues }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState({
    ...initial,
    instanceTypes: initial.instanceTypes.join(", "),
    securityGroupIds: initial.securityGroupIds.join(", "),
    resourceTags: tagLines(initial.resourceTags),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = (key: keyof typeof text) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setText({ ...text, [key]: event.target.value });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveInfrastructurePresetAction({
        ...text,
        instanceTypes: parseList(text.instanceTypes),
        securityGroupIds: parseList(text.securityGroupIds),
        resourceTags: parseTagLines(text.resourceTags),
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }

      setErrors({});
      setMessage(null);
      router.push("/admin/infrastructure");
      router.refresh();
    });
  };

  const input = (
    key: keyof typeof text,
    label: string,
    hint?: string,
  ) => (
    <FormField id={`infra-${key}`} label={label} hint={hint} error={errorAt(errors, key)}>
      <input
        id={`infra-${key}`}
        className={controlClass}
        value={String(text[key] ?? "")}
        onChange={set(key)}
        aria-invalid={Boolean(errorAt(errors, key))}
        readOnly={key === "name" && Boolean(initial.id)}
      />
    </FormField>
  );

  return (
    <form onSubmit={submit} className="space-y-4 p-5" aria-label="Infrastructure preset">
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        {input("name", "Name")}
        {input("description", "Description")}
        {input("instanceTypes", "Instance types", "Comma-separated, e.g. t3.medium, m5.large")}
        {input("instanceProfileName", "Instance profile")}
        {input("subnetId", "Subnet", "Optional; needs security groups")}
        {input("securityGroupIds", "Security groups", "Comma-separated sg-… ids")}
        {input("logBucket", "S3 log bucket")}
        {input("logPrefix", "S3 log prefix")}
        {input("snsTopicArn", "SNS topic ARN")}
        <FormField
          id="infra-resourceTags"
          label="Resource tags"
          hint="One key=value per line"
          error={errorAt(errors, "resourceTags")}
        >
          <textarea
            id="infra-resourceTags"
            rows={3}
            className={controlClass}
            value={text.resourceTags}
            onChange={set("resourceTags")}
          />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-6">
        <Toggle
          id="infra-imdsv2"
          label="Require IMDSv2"
          checked={text.httpTokensRequired}
          onChange={(v) => setText({ ...text, httpTokensRequired: v })}
        />
        <Toggle
          id="infra-terminate"
          label="Terminate the instance on failure"
          checked={text.terminateOnFailure}
          onChange={(v) => setText({ ...text, terminateOnFailure: v })}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save preset"}
      </Button>
    </form>
  );
}
