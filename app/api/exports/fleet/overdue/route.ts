import { fleetExport, OVERDUE_COLUMNS } from "@/lib/fleet/exports";
import { overdueFixes } from "@/lib/fleet/queries";

export const dynamic = "force-dynamic";

/** The fleet dashboard's overdue-fix list, as /security shows it. */
export const GET = fleetExport(
  (days) => `fleet-overdue-${days}d`,
  OVERDUE_COLUMNS,
  async (user, days) => (await overdueFixes(user, days)).rows,
);
