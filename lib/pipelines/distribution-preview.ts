import type { DistributionRegion } from "../validations/distribution";

// Pure functions shared by the distribution form (live preview) and the
// server (the Image Builder request).

export interface RegionPreview {
  region: string;
  /** Accounts the AMI is copied into, besides the building account. */
  copiesTo: string[];
  launch: {
    accounts: string[];
    organizations: string[];
    ous: string[];
    public: boolean;
  };
  shared: boolean;
  encryption: string;
}

export interface DistributionPreview {
  regions: RegionPreview[];
  copyJobs: number;
  warnings: string[];
  reminders: string[];
}

export function previewDistribution(
  regions: DistributionRegion[],
): DistributionPreview {
  const warnings: string[] = [];
  const rows = regions.map((entry): RegionPreview => {
    const launch = {
      accounts: entry.launchAccountIds,
      organizations: entry.launchOrganizationArns,
      ous: entry.launchOuArns,
      public: entry.launchPublic,
    };
    const copyOnly = entry.targetAccountIds.filter(
      (account) => !launch.accounts.includes(account),
    );
    if (copyOnly.length > 0) {
      warnings.push(
        `${entry.region}: ${copyOnly.join(", ")} get a copy but no launch ` +
          "permission; AMI copies into such accounts have failed with " +
          "“AMI Copy Reported Failure”. Add them to the launch accounts.",
      );
    }
    if (launch.public) {
      warnings.push(
        `${entry.region}: the AMI becomes PUBLIC. Accounts with block public ` +
          "access for AMIs enabled fail the distribution.",
      );
    }

    return {
      region: entry.region,
      copiesTo: entry.targetAccountIds,
      launch,
      shared:
        launch.public ||
        launch.accounts.length +
          launch.organizations.length +
          launch.ous.length >
          0,
      encryption: entry.kmsKeyId
        ? `customer managed key ${entry.kmsKeyId}`
        : "default EBS key of the region",
    };
  });

  return {
    regions: rows,
    copyJobs: rows.reduce((sum, row) => sum + row.copiesTo.length, 0),
    warnings,
    reminders: reminders(regions),
  };
}

/** A new region entry with the portal's defaults. */
export function blankRegion(region = "us-east-1"): DistributionRegion {
  return {
    region,
    amiName: "golden-{{ imagebuilder:buildDate }}",
    description: "",
    amiTags: {},
    kmsKeyId: undefined,
    targetAccountIds: [],
    launchAccountIds: [],
    launchOrganizationArns: [],
    launchOuArns: [],
    launchPublic: false,
  };
}

/** One line per region, e.g. for the preview table's "who can launch". */
export function launchSummary(row: RegionPreview): string {
  if (!row.shared) return "not shared (building account only)";

  const parts = [
    count(row.launch.accounts.length, "account"),
    count(row.launch.organizations.length, "organization"),
    count(row.launch.ous.length, "OU"),
    row.launch.public ? "everyone (public)" : "",
  ];

  return parts.filter(Boolean).join(", ");
}

/** The `distributions` member of Create/UpdateDistributionConfiguration. */
// LIMITATION: only AMI outputs are configurable; launch template updates,
// S3 export, fast launch and SSM parameter outputs are not offered.
export function distributionsWire(regions: DistributionRegion[]) {
  return regions.map((entry) => {
    const launchPermission = compact({
      userIds: nonEmpty(entry.launchAccountIds),
      organizationArns: nonEmpty(entry.launchOrganizationArns),
      organizationalUnitArns: nonEmpty(entry.launchOuArns),
      userGroups: entry.launchPublic ? ["all"] : undefined,
    });

    return {
      region: entry.region,
      amiDistributionConfiguration: compact({
        name: entry.amiName,
        description: entry.description || undefined,
        amiTags: Object.keys(entry.amiTags).length ? entry.amiTags : undefined,
        kmsKeyId: entry.kmsKeyId || undefined,
        targetAccountIds: nonEmpty(entry.targetAccountIds),
        launchPermission: Object.keys(launchPermission).length
          ? launchPermission
          : undefined,
      }),
    };
  });
}

interface WireDistribution {
  region: string;
  amiDistributionConfiguration?: {
    name?: string;
    description?: string;
    amiTags?: Record<string, string>;
    kmsKeyId?: string;
    targetAccountIds?: string[];
    launchPermission?: {
      userIds?: string[];
      userGroups?: string[];
      organizationArns?: string[];
      organizationalUnitArns?: string[];
    };
  };
}

/** A distribution as Image Builder returns it → the form's shape. */
export function regionFromWire(wire: WireDistribution): DistributionRegion {
  const ami = wire.amiDistributionConfiguration ?? {};
  const launch = ami.launchPermission ?? {};

  return {
    region: wire.region,
    amiName: ami.name ?? "",
    description: ami.description ?? "",
    amiTags: ami.amiTags ?? {},
    kmsKeyId: ami.kmsKeyId,
    targetAccountIds: ami.targetAccountIds ?? [],
    launchAccountIds: launch.userIds ?? [],
    launchOrganizationArns: launch.organizationArns ?? [],
    launchOuArns: launch.organizationalUnitArns ?? [],
    launchPublic: (launch.userGroups ?? []).includes("all"),
  };
}

function reminders(regions: DistributionRegion[]): string[] {
  const accounts = new Set(regions.flatMap((r) => r.targetAccountIds));
  const list: string[] = [];
  if (accounts.size > 0) {
    list.push(
      `Each destination account (${[...accounts].join(", ")}) needs the ` +
        "EC2ImageBuilderDistributionCrossAccountRole.",
    );
  }
  if (accounts.size > 0 && regions.some((r) => r.kmsKeyId)) {
    list.push("The KMS key policy must allow the destination accounts.");
  }

  return list;
}

function count(n: number, noun: string): string {
  if (n === 0) return "";

  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
