"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import {
  controlClass,
  FormField,
  FormMessage,
  Toggle,
} from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { createPipelineAction } from "@/lib/actions/pipelines";
import type { PipelineInput } from "@/lib/validations/pipeline";

import { SchedulePreview } from "./schedule-preview";

interface Option {
  id: string;
  label: string;
}

export function PipelineForm({
  versions,
  presets,
  distributions,
}: {
  versions: Option[];
  presets: Option[];
  distributions: Option[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState<PipelineInput>({
    name: "",
    description: "",
    recipeVersionId: versions[0]?.id ?? "",
    infrastructurePresetId: presets[0]?.id ?? "",
    distributionSettingId: distributions[0]?.id ?? "",
    scheduleEnabled: true,
    scheduleExpression: "cron(0 6 ? * mon *)",
    timezone: "UTC",
    startCondition: "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
    testsEnabled: true,
    scanningEnabled: true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = <K extends keyof PipelineInput>(
    key: K,
    value: PipelineInput[K],
  ) => setValues({ ...values, [key]: value });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createPipelineAction(values);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }

      router.push(`/pipelines/${result.data.id}`);
    });
  };

  const select = (
    key: "recipeVersionId" | "infrastructurePresetId" | "distributionSettingId",
    label: string,
    options: Option[],
  ) => (
    <FormField id={`pipeline-${key}`} label={label} error={errors[key]}>
      <select
        id={`pipeline-${key}`}
        className={controlClass}
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
  );

  return (
    <form onSubmit={submit} className="space-y-5 p-5" aria-label="New pipeline">
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="pipeline-name" label="Name" error={errors.name}>
          <input
            id="pipeline-name"
            className={controlClass}
            value={values.name}
            aria-invalid={Boolean(errors.name)}
            onChange={(e) => set("name", e.target.value)}
          />
        </FormField>
        <FormField
          id="pipeline-description"
          label="Description"
          error={errors.description}
        >
          <input
            id="pipeline-description"
            className={controlClass}
            value={values.description}
            onChange={(e) => set("description", e.target.value)}
          />
        </FormField>
        {select("recipeVersionId", "Recipe version", versions)}
        {select("infrastructurePresetId", "Infrastructure", presets)}
        {select("distributionSettingId", "Distribution", distributions)}
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">
          Schedule
        </legend>
        <Toggle
          id="pipeline-scheduled"
          label="Run on a schedule"
          checked={values.scheduleEnabled}
          onChange={(v) => set("scheduleEnabled", v)}
        />
        {values.scheduleEnabled && (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                id="pipeline-cron"
                label="Cron expression"
                hint="cron(minute hour day-of-month month day-of-week year); one day field must be ?"
                error={errors.scheduleExpression}
              >
                <input
                  id="pipeline-cron"
                  className={`${controlClass} font-mono`}
                  value={values.scheduleExpression}
                  aria-invalid={Boolean(errors.scheduleExpression)}
                  onChange={(e) => set("scheduleExpression", e.target.value)}
                />
              </FormField>
              <FormField
                id="pipeline-timezone"
                label="Time zone"
                error={errors.timezone}
              >
                <input
                  id="pipeline-timezone"
                  className={controlClass}
                  value={values.timezone}
                  onChange={(e) => set("timezone", e.target.value)}
                />
              </FormField>
            </div>
            <SchedulePreview
              expression={values.scheduleExpression}
              timezone={values.timezone}
            />
            <FormField id="pipeline-condition" label="Start condition">
              <select
                id="pipeline-condition"
                className={controlClass}
                value={values.startCondition}
                onChange={(e) =>
                  set(
                    "startCondition",
                    e.target.value as PipelineInput["startCondition"],
                  )
                }
              >
                <option value="EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE">
                  Only when a dependency has a newer version (default)
                </option>
                <option value="EXPRESSION_MATCH_ONLY">
                  Every time it matches
                </option>
              </select>
            </FormField>
          </>
        )}
      </fieldset>

      <div className="flex flex-wrap gap-6">
        <Toggle
          id="pipeline-tests"
          label="Run image tests"
          checked={values.testsEnabled}
          onChange={(v) => set("testsEnabled", v)}
        />
        <Toggle
          id="pipeline-scanning"
          label="Scan with Inspector"
          checked={values.scanningEnabled}
          onChange={(v) => set("scanningEnabled", v)}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create pipeline"}
      </Button>
    </form>
  );
}
