"use client";

import type { DeclaredParameter } from "@/lib/components/awstoe/types";

import { FieldError, inputClass } from "@/components/ui/field";

export function ParameterFields({
  uid,
  index,
  declared,
  values,
  errors,
  onChange,
  readOnly = false,
}: {
  uid: string;
  index: number;
  declared: DeclaredParameter[];
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
  /** The CCOE's values for a mandatory component: shown, not edited. */
  readOnly?: boolean;
}) {
  return (
    <fieldset className="grid gap-3 border-t border-slate-100 bg-slate-50/60 px-3 py-3 sm:grid-cols-2">
      <legend className="sr-only">Parameters</legend>
      {declared.map((parameter) => {
        const id = `${uid}-${parameter.name}`;
        const error = errors[`items.${index}.${parameter.name}`];
        const value = values[parameter.name] ?? "";

        return (
          <div key={parameter.name}>
            <label htmlFor={id} className="text-xs font-medium text-slate-700">
              {parameter.name}
              {parameter.required && (
                <span className="text-red-600" title="Required">
                  {" "}
                  *
                </span>
              )}
              <span className="ml-1 font-normal text-slate-400">
                {parameter.type}
              </span>
            </label>
            {parameter.allowedValues ? (
              <select
                id={id}
                value={value}
                disabled={readOnly}
                onChange={(event) =>
                  onChange(parameter.name, event.target.value)
                }
                aria-invalid={Boolean(error)}
                className={inputClass(Boolean(error))}
              >
                {!parameter.defaultValue && <option value="">Choose…</option>}
                {parameter.allowedValues.map((allowed) => (
                  <option key={allowed} value={allowed}>
                    {allowed}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                value={value}
                readOnly={readOnly}
                inputMode={parameter.type === "integer" ? "numeric" : undefined}
                placeholder={parameter.defaultValue ?? "required"}
                onChange={(event) =>
                  onChange(parameter.name, event.target.value)
                }
                aria-invalid={Boolean(error)}
                className={inputClass(Boolean(error))}
              />
            )}
            {parameter.description && !error && (
              <p className="mt-1 text-[11px] text-slate-500">
                {parameter.description}
              </p>
            )}
            <FieldError message={error} />
          </div>
        );
      })}
    </fieldset>
  );
}
