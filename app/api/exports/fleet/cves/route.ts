import { CVE_COLUMNS, fleetExport } from "@/lib/fleet/exports";
import { topCves } from "@/lib/fleet/queries";

export const dynamic = "force-dynamic";

/** The fleet dashboard's CVE list, as /security shows it. */
export const GET = fleetExport(
  () => "fleet-cves",
  CVE_COLUMNS,
  (user, _days, cves) => topCves(user, cves),
);
