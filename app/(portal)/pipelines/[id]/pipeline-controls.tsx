"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/safe-action";
import {
  cancelPipelineRunAction,
  retryPipelineRunAction,
  runPipelineAction,
  setPipelineStatusAction,
} from "@/lib/actions/pipelines";

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await call();
      setMessage(result.ok ? null : result.message);
      router.refresh();
    });

  return { pending, message, run };
}

export function PipelineControls({
  pipelineId,
  enabled,
}: {
  pipelineId: string;
  enabled: boolean;
}) {
  const { pending, message, run } = useAction();

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(() => setPipelineStatusAction({ pipelineId, enabled: !enabled }))
          }
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          disabled={pending || !enabled}
          onClick={() => run(() => runPipelineAction({ pipelineId }))}
        >
          Run now
        </Button>
      </div>
      {message && (
        <p role="alert" className="text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}

export function RunControls({
  pipelineId,
  imageId,
  status,
}: {
  pipelineId: string;
  imageId: string;
  status: string;
}) {
  const { pending, message, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  const terminal = ["AVAILABLE", "FAILED", "CANCELLED", "DELETED"];
  const input = { pipelineId, imageId };
  const running = !terminal.includes(status);

  return (
    <span className="flex items-center gap-2">
      {running && !confirming && (
        <Button
          size="sm"
          variant="danger"
          disabled={pending}
          onClick={() => setConfirming(true)}
        >
          Cancel
        </Button>
      )}
      {running && confirming && (
        <>
          <span className="text-xs text-slate-700">Stop this build?</span>
          <Button
            size="sm"
            variant="danger"
            disabled={pending}
            onClick={() => run(() => cancelPipelineRunAction(input))}
          >
            Yes, cancel
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => setConfirming(false)}
          >
            Keep running
          </Button>
        </>
      )}
      {(status === "FAILED" || status === "CANCELLED") && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => retryPipelineRunAction(input))}
        >
          Retry
        </Button>
      )}
      {message && (
        <span role="alert" className="text-xs text-red-700">
          {message}
        </span>
      )}
    </span>
  );
}
