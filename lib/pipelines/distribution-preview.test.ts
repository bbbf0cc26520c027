import { describe, expect, it } from "vitest";

import { distributionSettingSchema } from "../validations/distribution";
import {
  distributionsWire,
  launchSummary,
  previewDistribution,
  regionFromWire,
} from "./distribution-preview";
import corpus from "./fixtures/C57-distribution-cross-account-org-ou.json";

function setting(name: string) {
  const config = corpus.distributionConfigurations.find(
    (c) => c.name === name,
  )!;
  const parsed = distributionSettingSchema.safeParse({
    name: config.name,
    description: "",
    regions: config.distributions.map(regionFromWire),
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));

  return parsed.data;
}

describe("C57 distribution settings", () => {
  it("multi-region org share: accepted with the expected summary", () => {
    const preview = previewDistribution(
      setting("example-multi-region-org-share").regions,
    );
    const [east, west] = preview.regions;

    expect(preview.regions.map((r) => r.region)).toEqual([
      "us-east-1",
      "eu-west-1",
    ]);
    expect(east.copiesTo).toEqual(["444455556666"]);
    expect(west.copiesTo).toEqual(["444455556666", "777788889999"]);
    expect(preview.copyJobs).toBe(3);
    expect(launchSummary(east)).toBe("1 account, 1 organization, 1 OU");
    expect(east.encryption).toMatch(/customer managed key arn:aws:kms/);
    expect(west.encryption).toBe("default EBS key of the region");
    expect(preview.reminders.join(" ")).toMatch(/CrossAccountRole/);
    expect(preview.reminders.join(" ")).toMatch(/KMS key policy/);
  });

  it("copy-only: accepted with a warning to add launch permission", () => {
    const preview = previewDistribution(setting("example-copy-only").regions);

    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]).toMatch(/444455556666.*no launch permission/);
  });

  it("public: accepted with a strong warning", () => {
    const preview = previewDistribution(setting("example-public").regions);

    expect(preview.warnings[0]).toMatch(/PUBLIC.*block public access/);
    expect(launchSummary(preview.regions[0])).toBe("everyone (public)");
  });

  it("empty sharing: private, no warnings, nothing empty sent", () => {
    const regions = setting("example-empty-sharing").regions;
    const preview = previewDistribution(regions);

    expect(preview.warnings).toEqual([]);
    expect(launchSummary(preview.regions[0])).toBe(
      "not shared (building account only)",
    );
    expect(distributionsWire(regions)[0].amiDistributionConfiguration).toEqual(
      { name: "example-private-{{ imagebuilder:buildDate }}" },
    );
  });

  it("rejects malformed ids and ARNs with the field", () => {
    const base = setting("example-multi-region-org-share");
    const bad = {
      ...base,
      regions: [
        {
          ...base.regions[0],
          targetAccountIds: ["44445555666"],
          launchOrganizationArns: ["arn:aws:organizations::1:organization/x"],
          launchOuArns: ["ou-exam-ple00001"],
          kmsKeyId:
            "arn:aws:kms:eu-west-1:111122223333:key/00000000-0000-4000-8000-000000000057",
        },
      ],
    };
    const result = distributionSettingSchema.safeParse(bad);
    const paths = result.error!.issues.map((i) => i.path.join("."));

    expect(paths).toEqual(
      expect.arrayContaining([
        "regions.0.targetAccountIds.0",
        "regions.0.launchOrganizationArns.0",
        "regions.0.launchOuArns.0",
        "regions.0.kmsKeyId",
      ]),
    );
  });

  it("requires the build-date placeholder in the AMI name", () => {
    const base = setting("example-copy-only");
    const result = distributionSettingSchema.safeParse({
      ...base,
      regions: [{ ...base.regions[0], amiName: "fixed-name" }],
    });

    expect(result.error!.issues[0].message).toMatch(/buildDate/);
  });
});
