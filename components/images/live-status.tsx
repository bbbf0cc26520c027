"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

interface StatusReply {
  status: string;
  findingsCollected: boolean;
  syncError: string | null;
}

/**
 * Polls the image's status endpoint while the build or the findings
 * collection is unfinished, and re-renders the page when either changes.
 */
export function LiveStatus({
  imageId,
  status,
  findingsCollected,
  active,
  intervalMs = 2000,
}: {
  imageId: string;
  status: string;
  findingsCollected: boolean;
  active: boolean;
  intervalMs?: number;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const seen = useRef(`${status}:${findingsCollected}`);

  useEffect(() => {
    seen.current = `${status}:${findingsCollected}`;
  }, [status, findingsCollected]);

  useEffect(() => {
    if (!active) return;

    let stopped = false;
    const tick = async () => {
      try {
        const response = await fetch(`/api/images/${imageId}/status`, {
          cache: "no-store",
        });
        if (!response.ok || stopped) return;

        const reply = (await response.json()) as StatusReply;
        setError(reply.syncError);
        const key = `${reply.status}:${reply.findingsCollected}`;
        if (key !== seen.current) {
          seen.current = key;
          router.refresh();
        }
      } catch {
        setError("Lost contact with the portal; retrying…");
      }
    };
    const timer = setInterval(() => void tick(), intervalMs);
    void tick();

    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, imageId, intervalMs, router]);

  if (!active && !error) return null;

  return (
    <p className="text-xs text-slate-500" aria-live="polite">
      {error ? (
        <span className="text-amber-700">{error}</span>
      ) : (
        <>
          <span className="mr-1.5 inline-block size-2 animate-pulse rounded-full bg-brand-500" />
          Updating live
        </>
      )}
    </p>
  );
}
