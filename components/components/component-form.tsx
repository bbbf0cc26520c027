"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { FieldError, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import {
  createComponentAction,
  createVersionAction,
  updateDraftAction,
} from "@/lib/actions/components";
import {
  validateComponentDocument,
  type ComponentPlatform,
} from "@/lib/components/awstoe/validate";
import { describeIssue } from "@/lib/components/document-check";
import { OS_FAMILIES } from "@/lib/components/os-families";
import { PLATFORMS } from "@/lib/validations/component";

import { DocumentIssues } from "./document-issues";
import { YamlEditor } from "./yaml-editor";

export type FormTarget =
  | { kind: "component" }
  | { kind: "version"; componentId: string; name: string; platform: string }
  | { kind: "draft"; versionId: string; name: string; platform: string };

export interface FormInitial {
  version: string;
  document: string;
  changeDescription: string;
}

/** Authoring form: new component, new version, or an existing draft. */
export function ComponentForm({
  target,
  initial,
}: {
  target: FormTarget;
  initial: FormInitial;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [platform, setPlatform] = useState<ComponentPlatform>(
    target.kind === "component"
      ? "Linux"
      : (target.platform as ComponentPlatform),
  );
  const [osVersions, setOsVersions] = useState<string[]>([]);
  const [version, setVersion] = useState(initial.version);
  const [change, setChange] = useState(initial.changeDescription);
  const [document, setDocument] = useState(initial.document);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const live = useMemo(
    () => validateComponentDocument(document, { platform }),
    [document, platform],
  );
  const liveErrors = live.issues.filter((i) => i.severity === "error");

  const save = (submit: boolean) => {
    setMessage(null);
    startTransition(async () => {
      const fields = { version, document, changeDescription: change, submit };
      const result =
        target.kind === "component"
          ? await createComponentAction({
              ...fields,
              name,
              description,
              platform,
              supportedOsVersions: osVersions,
            })
          : target.kind === "version"
            ? await createVersionAction({
                ...fields,
                componentId: target.componentId,
              })
            : await updateDraftAction({ ...fields, versionId: target.versionId });
      if (result.ok) {
        const { name: saved, version: savedVersion } = result.data;
        router.push(`/components/${saved}?v=${savedVersion}`);
        return;
      }
      setServerErrors(result.fieldErrors ?? {});
      setMessage(result.message);
    });
  };

  const error = (field: string) => serverErrors[field];

  return (
    <form
      className="grid gap-6 lg:grid-cols-[20rem_1fr]"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="space-y-4">
        {target.kind === "component" && (
          <>
            <label className="block text-sm font-medium text-slate-700">
              Component name
              <input
                className={inputClass(Boolean(error("name")))}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-describedby="component-name-error"
              />
              <FieldError id="component-name-error" message={error("name")} />
            </label>
            <label className="block text-sm font-medium text-slate-700">
              Description
              <textarea
                className={inputClass(Boolean(error("description")))}
                rows={3}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
              <FieldError message={error("description")} />
            </label>
            <label className="block text-sm font-medium text-slate-700">
              Platform
              <select
                className={inputClass(false)}
                value={platform}
                onChange={(e) => {
                  setPlatform(e.target.value as ComponentPlatform);
                  setOsVersions([]);
                }}
              >
                {PLATFORMS.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            <fieldset className="text-sm">
              <legend className="font-medium text-slate-700">
                Supported OS versions (none = all)
              </legend>
              {OS_FAMILIES[platform].map((os) => (
                <label key={os} className="mt-1 flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={osVersions.includes(os)}
                    onChange={(e) =>
                      setOsVersions(
                        e.target.checked
                          ? [...osVersions, os]
                          : osVersions.filter((o) => o !== os),
                      )
                    }
                  />
                  {os}
                </label>
              ))}
            </fieldset>
          </>
        )}
        <label className="block text-sm font-medium text-slate-700">
          Version
          <input
            className={inputClass(Boolean(error("version")))}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            aria-describedby="component-version-error"
          />
          <FieldError id="component-version-error" message={error("version")} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Change description
          <textarea
            className={inputClass(Boolean(error("changeDescription")))}
            rows={3}
            value={change}
            onChange={(e) => setChange(e.target.value)}
          />
          <FieldError message={error("changeDescription")} />
        </label>
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => save(false)}
          >
            Save draft
          </Button>
          <Button type="button" disabled={pending} onClick={() => save(true)}>
            Submit for review
          </Button>
        </div>
        {message && (
          <p role="alert" className="text-sm text-red-700" data-testid="form-message">
            {message}
          </p>
        )}
        {error("document") && (
          <ul className="space-y-1 text-xs text-red-700" data-testid="server-errors">
            {error("document").split("\n").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="min-w-0 space-y-3">
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Import a YAML file
          <input
            type="file"
            accept=".yaml,.yml,text/yaml"
            className="text-xs"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setDocument(await file.text());
            }}
          />
        </label>
        <YamlEditor
          value={document}
          onChange={setDocument}
          issues={live.issues}
          label="Component document (YAML)"
          invalid={liveErrors.length > 0}
        />
        <DocumentIssues
          issues={live.issues.map((issue) => ({
            severity: issue.severity,
            text: describeIssue(issue),
          }))}
        />
      </div>
    </form>
  );
}
