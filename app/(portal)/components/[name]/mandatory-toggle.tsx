"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { setMandatoryAction } from "@/lib/actions/components";

export function MandatoryToggle({
  componentId,
  mandatory,
}: {
  componentId: string;
  mandatory: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  const toggle = () =>
    startTransition(async () => {
      const result = await setMandatoryAction({
        componentId,
        mandatory: !mandatory,
      });
      if (!result.ok) setMessage(result.message);
      router.refresh();
    });

  return (
    <>
      <Button variant="secondary" disabled={pending} onClick={toggle}>
        {mandatory ? "Make optional" : "Make mandatory"}
      </Button>
      {message && <span role="alert" className="text-sm text-red-700">{message}</span>}
    </>
  );
}
