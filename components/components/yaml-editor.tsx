"use client";

import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { useMemo, useRef } from "react";

import type { DocumentIssue } from "@/lib/components/awstoe/validate";

/**
 * CodeMirror 6 with YAML highlighting, line numbers and the validator's
 * issues as inline diagnostics. Everything is bundled: works offline.
 */
export function YamlEditor({
  value,
  onChange,
  issues,
  label,
  invalid,
  onReady,
}: {
  value: string;
  onChange: (value: string) => void;
  issues: DocumentIssue[];
  label: string;
  invalid: boolean;
  onReady?: (view: EditorView) => void;
}) {
  const issuesRef = useRef(issues);
  issuesRef.current = issues;

  const extensions = useMemo<Extension[]>(
    () => [
      yaml(),
      lintGutter(),
      linter((view) => toDiagnostics(view, issuesRef.current), { delay: 150 }),
      EditorView.contentAttributes.of({
        "aria-label": label,
        "aria-invalid": String(invalid),
      }),
    ],
    [label, invalid],
  );

  return (
    <div
      className="overflow-hidden rounded-md border border-slate-300 text-sm"
      data-testid="yaml-editor"
    >
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        height="480px"
        basicSetup={{ lineNumbers: true, foldGutter: true, autocompletion: false }}
        onCreateEditor={(view) => onReady?.(view)}
      />
    </div>
  );
}

function toDiagnostics(
  view: EditorView,
  issues: DocumentIssue[],
): Diagnostic[] {
  const doc = view.state.doc;

  return issues.map((issue) => {
    const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
    const from = Math.min(line.from + issue.column - 1, line.to);

    return {
      from,
      to: Math.max(from, line.to),
      severity: issue.severity,
      message: issue.message,
    };
  });
}
