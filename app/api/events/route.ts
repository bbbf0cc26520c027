import { NextResponse } from "next/server";

import { eventSettings } from "@/lib/env";
import { receiveEvent, rejectEvent } from "@/lib/events/apply";
import { parseJsonBody } from "@/lib/events/parse-body";
import { EVENTS_KEY_HEADER, isAuthorized } from "@/lib/events/verify";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

const log = logger.child({ route: "events" });

/** EventBridge API destination: Image Builder and Inspector events. */
export async function POST(request: Request) {
  const key = request.headers.get(EVENTS_KEY_HEADER);
  if (!isAuthorized(key, eventSettings().secret)) {
    log.warn("event refused: bad or missing key");
    return NextResponse.json({ error: "Unauthorized." }, { status: 401 });
  }

  try {
    const text = await request.text();
    const body = parseJsonBody(text);
    if (!body.ok) {
      await rejectEvent(text, body.error);
      const { error, line, column, hint } = body;

      return NextResponse.json({ error, line, column, hint }, { status: 400 });
    }

    const outcome = await receiveEvent(body.value);
    const status = outcome.status === "invalid" ? 400 : 200;

    return NextResponse.json(outcome, { status });
  } catch (error) {
    log.error({ err: error }, "event failed");
    // 5xx makes EventBridge retry; the event id was released for that.
    return NextResponse.json({ error: "Event not applied." }, { status: 500 });
  }
}
