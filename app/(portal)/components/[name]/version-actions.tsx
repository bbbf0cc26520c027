"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import {
  approveVersionAction,
  deprecateVersionAction,
  rejectVersionAction,
  retryPublishAction,
  submitVersionAction,
} from "@/lib/actions/components";
import type { ActionResult } from "@/lib/actions/safe-action";

export interface VersionActionFlags {
  versionId: string;
  status: string;
  canAuthor: boolean;
  canReview: boolean;
  /** Approved after review, not (yet) in Image Builder. */
  unpublished: boolean;
}

/** Workflow buttons for one version; the server re-checks every rule. */
export function VersionActions({ flags }: { flags: VersionActionFlags }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const { versionId, status } = flags;

  const run = (call: () => Promise<ActionResult<unknown>>) => {
    setMessage(null);
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        const fields = Object.values(result.fieldErrors ?? {});
        setMessage([result.message, ...fields].join(" "));
        return;
      }
      const data = result.data as { error?: string | null };
      if (data.error) setMessage(`Approved, but not published: ${data.error}`);
      setComment("");
      router.refresh();
    });
  };

  const review = flags.canReview && status === "submitted";
  const deprecate =
    flags.canReview && (status === "approved" || status === "published");
  const submit = flags.canAuthor && status === "draft";
  const retry = flags.canReview && flags.unpublished;
  if (!review && !deprecate && !submit && !retry) return null;

  return (
    <div className="space-y-3" data-testid="version-actions">
      {(review || deprecate) && (
        <label className="block text-sm font-medium text-slate-700">
          {review ? "Review comment" : "Deprecation note"}
          <textarea
            className={inputClass(false)}
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        {submit && (
          <Button
            disabled={pending}
            onClick={() => run(() => submitVersionAction({ versionId }))}
          >
            Submit for review
          </Button>
        )}
        {review && (
          <>
            <Button
              disabled={pending}
              onClick={() =>
                run(() => approveVersionAction({ versionId, comment }))
              }
            >
              Approve and publish
            </Button>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(() => rejectVersionAction({ versionId, comment }))
              }
            >
              Reject
            </Button>
          </>
        )}
        {retry && (
          <Button
            disabled={pending}
            onClick={() => run(() => retryPublishAction({ versionId }))}
          >
            Retry publishing
          </Button>
        )}
        {deprecate && (
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              run(() => deprecateVersionAction({ versionId, note: comment }))
            }
          >
            Deprecate
          </Button>
        )}
      </div>
      {message && (
        <p
          role="alert"
          className="text-sm text-red-700"
          data-testid="action-message"
        >
          {message}
        </p>
      )}
    </div>
  );
}
