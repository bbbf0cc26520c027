"use client";

import { Card } from "@/components/ui/card";

import { FieldError, inputClass } from "@/components/ui/field";

export function RecipeForm({
  name,
  version,
  description,
  errors,
  onName,
  onVersion,
  onDescription,
}: {
  name: string;
  version: string;
  description: string;
  errors: Record<string, string>;
  onName: (value: string) => void;
  onVersion: (value: string) => void;
  onDescription: (value: string) => void;
}) {
  return (
    <Card className="grid gap-4 p-5 sm:grid-cols-[minmax(0,1fr)_160px]">
      <div>
        <label htmlFor="recipe-name" className="text-sm font-medium">
          Recipe name
        </label>
        <input
          id="recipe-name"
          value={name}
          onChange={(event) => onName(event.target.value)}
          placeholder="payments-api-al2023"
          aria-invalid={Boolean(errors.name)}
          aria-describedby="recipe-name-error"
          className={inputClass(Boolean(errors.name))}
        />
        <FieldError id="recipe-name-error" message={errors.name} />
      </div>
      <div>
        <label htmlFor="recipe-version" className="text-sm font-medium">
          Version
        </label>
        <input
          id="recipe-version"
          value={version}
          onChange={(event) => onVersion(event.target.value)}
          placeholder="1.0.0"
          aria-invalid={Boolean(errors.version)}
          aria-describedby="recipe-version-error"
          className={`${inputClass(Boolean(errors.version))} font-mono`}
        />
        <FieldError id="recipe-version-error" message={errors.version} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="recipe-description" className="text-sm font-medium">
          Description <span className="font-normal text-slate-400">(optional)</span>
        </label>
        <input
          id="recipe-description"
          value={description}
          onChange={(event) => onDescription(event.target.value)}
          className={inputClass(Boolean(errors.description))}
        />
        <FieldError message={errors.description} />
      </div>
    </Card>
  );
}
