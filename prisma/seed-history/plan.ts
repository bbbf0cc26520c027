import type { DemoLine, LineVersion, Outcome, TeamSlug } from "./lines";
import type { Random } from "./random";

// Turns the demo lines into dated builds: status changes with plausible
// durations, AMIs per region and the AWS state each build has by now.

export const HISTORY_ACCOUNT = "111122223333";
export const HISTORY_REGIONS = ["us-east-1", "eu-west-1"] as const;

/** Image Builder forgets images after this many days (lifecycle policy). */
export const RETENTION_DAYS = 60;

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Who builds each team's images (demo users of that team). */
export const TEAM_AUTHORS: Record<TeamSlug, string[]> = {
  payments: ["eric@example.com"],
  analytics: ["emma@example.com"],
  ccoe: ["rachel@example.com", "ravi@example.com"],
};

export interface StatusChange {
  status: string;
  at: Date;
  reason?: string;
}

export interface PlannedBuild {
  version: LineVersion;
  build: number;
  author: string;
  status: "AVAILABLE" | "FAILED" | "CANCELLED";
  statusReason: string | null;
  createdAt: Date;
  finishedAt: Date;
  events: StatusChange[];
  amis: { region: string; amiId: string; name: string }[];
  /** When Inspector scanned it and the portal collected the findings. */
  scannedAt: Date | null;
  collectedAt: Date | null;
  awsStateAt: Date;
  awsStateReason: string;
}

/** Every build of a line, oldest first. `today` is 00:00 UTC of the run. */
export function planLine(
  line: DemoLine,
  today: Date,
  random: Random,
): PlannedBuild[] {
  const builds: PlannedBuild[] = [];
  const steps = Math.max(line.versions.length - 1, 1);
  const span = line.startDaysAgo - line.endDaysAgo;
  // Every build has finished before the day of the run.
  const latest = today.getTime() - 6 * 3_600_000;
  let previous = 0;
  line.versions.forEach((version, index) => {
    const daysAgo = line.startDaysAgo - Math.round((span * index) / steps);
    const jitter = index === 0 || index === steps ? 0 : random.int(-4, 4);
    const day = new Date(today.getTime() - (daysAgo + jitter) * DAY);
    let at = workingTime(day, random);
    version.builds.forEach((outcome, buildIndex) => {
      if (buildIndex > 0) at = nextAttempt(at, outcome, random);
      const time = Math.max(at.getTime(), previous + 30 * MINUTE);
      at = new Date(Math.min(time, latest));
      const planned = planBuild(line, version, buildIndex + 1, outcome, at, {
        today,
        random,
      });
      previous = planned.createdAt.getTime();
      builds.push(planned);
    });
  });

  return builds;
}

function planBuild(
  line: DemoLine,
  version: LineVersion,
  build: number,
  outcome: Outcome,
  createdAt: Date,
  context: { today: Date; random: Random },
): PlannedBuild {
  const { random, today } = context;
  const windows = line.golden.startsWith("windows");
  const events = statusEvents(createdAt, outcome, windows, random);
  const last = events[events.length - 1];
  const status = last.status as PlannedBuild["status"];
  const available = status === "AVAILABLE";
  const collectedAt = available
    ? new Date(last.at.getTime() + random.int(1, 4) * MINUTE)
    : null;
  const forgotten = createdAt.getTime() + RETENTION_DAYS * DAY;
  const aged = forgotten <= today.getTime();

  return {
    version,
    build,
    author: random.pick(TEAM_AUTHORS[line.team]),
    status,
    statusReason: last.reason ?? null,
    createdAt,
    finishedAt: last.at,
    events,
    amis: available ? amisOf(last.at, random) : [],
    scannedAt: available ? last.at : null,
    collectedAt,
    // LIMITATION: builds younger than the retention are marked deleted as
    // of the setup day: their ARNs are not in the local Image Builder, so
    // the portal's AWS-state check would mark them deleted at once anyway.
    awsStateAt: aged ? atHour(new Date(forgotten + DAY), 3) : today,
    awsStateReason: aged
      ? `Deleted by the CCOE lifecycle policy (${RETENTION_DAYS} days).`
      : "Not in this Image Builder: demo history imported by npm run setup.",
  };
}

/** Image Builder's stages with minutes per stage; failures stop early. */
function statusEvents(
  start: Date,
  outcome: Outcome,
  windows: boolean,
  random: Random,
): StatusChange[] {
  const slow = windows ? 2 : 1;
  const stages: [string, number][] = [
    ["PENDING", random.int(1, 2)],
    ["CREATING", random.int(2, 4)],
    ["BUILDING", random.int(12, 26) * slow],
    ["TESTING", random.int(8, 18) * slow],
    ["DISTRIBUTING", random.int(6, 14)],
    ["INTEGRATING", random.int(1, 3)],
    ["AVAILABLE", 0],
  ];
  const events: StatusChange[] = [];
  let at = start.getTime();
  for (const [status, minutes] of stages) {
    if (outcome === "CANCELLED" && status === "TESTING") {
      return [
        ...events,
        {
          status: "CANCELLED",
          at: new Date(at - random.int(3, 8) * MINUTE),
          reason: "The image build was cancelled.",
        },
      ];
    }
    events.push({ status, at: new Date(at) });
    if (typeof outcome === "object" && outcome.failed === status) {
      const reason =
        `Step '${outcome.step}' of component '${outcome.component}' ` +
        "failed: exit status 1";

      return [
        ...events,
        { status: "FAILED", at: new Date(at + minutes * MINUTE), reason },
      ];
    }
    at += minutes * MINUTE + random.int(0, 59) * 1000;
  }

  return events;
}

function amisOf(at: Date, random: Random) {
  const name = `golden-${at.toISOString().replace(/:/g, "-")}`;

  return HISTORY_REGIONS.map((region) => ({
    region,
    amiId: `ami-0${random.hex(16)}`,
    name,
  }));
}

/** A failed build is retried the same day; other rebuilds days later. */
function nextAttempt(previous: Date, outcome: Outcome, random: Random) {
  const hours = outcome === "AVAILABLE" ? random.int(2, 30) : random.int(1, 5);

  return workingTime(new Date(previous.getTime() + hours * 3_600_000), random);
}

/** Moves a moment onto a weekday between 08:00 and 17:59 UTC. */
function workingTime(date: Date, random: Random): Date {
  const day = new Date(date);
  const hour = day.getUTCHours();
  if (hour < 8 || hour > 17) {
    day.setUTCHours(random.int(8, 17), random.int(0, 59), random.int(0, 59));
  }
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) {
    day.setTime(day.getTime() + DAY);
  }

  return day;
}

function atHour(date: Date, hour: number): Date {
  const day = new Date(date);
  day.setUTCHours(hour, 0, 0, 0);

  return day;
}
