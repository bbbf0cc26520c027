"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/actions/notifications";

export function MarkReadButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationsReadAction({});
          router.refresh();
        })
      }
    >
      Mark all read
    </Button>
  );
}
