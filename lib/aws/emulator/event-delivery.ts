import { emulatorEventSettings } from "../../env";
import { logger } from "../../logger";
import type { EmulatorEvent } from "./event-envelope";
import { currentEventSink, type EventSink } from "./events";

const log = logger.child({ module: "aws-emulator-events" });
const ATTEMPTS = 3;

/**
 * Sends events one per request, in order, the way an EventBridge rule with
 * an API destination would. Failures are logged, never thrown: a build
 * must not fail because the portal's endpoint is down.
 */
export async function deliverEvents(events: EmulatorEvent[]): Promise<void> {
  let sink: EventSink | null;
  try {
    sink = currentEventSink(httpSink());
  } catch (error) {
    log.warn({ err: error }, "event delivery is misconfigured");

    return;
  }
  if (!sink) return;

  for (const event of events) {
    await deliverOne(sink, event);
  }
}

/** Whether events have anywhere to go (a sink or a configured URL). */
export function eventDeliveryEnabled(): boolean {
  try {
    return currentEventSink(httpSink()) !== null;
  } catch {
    return false;
  }
}

async function deliverOne(sink: EventSink, event: EmulatorEvent) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      await sink(event);

      return;
    } catch (error) {
      if (attempt === ATTEMPTS) {
        // LIMITATION: EventBridge retries an API destination for up to
        // 24 hours; the emulator gives up after three quick attempts.
        log.warn(
          { err: error, eventId: event.id, detailType: event["detail-type"] },
          "event delivery failed",
        );

        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function httpSink(): EventSink | null {
  const { url, secret } = emulatorEventSettings();
  if (!url) return null;

  return async (event) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
    };
    if (secret) headers["x-portal-events-key"] = secret;
    const response = await fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      throw new Error(`Event endpoint answered ${response.status}.`);
    }
  };
}
