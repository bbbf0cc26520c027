// Temporary stand-ins for findings.ts / package-effects.ts, used only by
// tests through vi.mock (they must not import the handler: vi.mock
// factories that import it would wait on themselves).

/** Stand-in for package-effects.ts in tests: `install -y <pkg>` lines. */
export function packageEffectsStandIn(documentYaml: string) {
  const installs = [...documentYaml.matchAll(/install -y ([\w.+-]+)/g)].map(
    (match) => match[1],
  );

  return { installs, updatesOs: documentYaml.includes("UpdateOS") };
}

interface StandInInput {
  amiId: string;
  instanceId: string;
  accountId: string;
  region: string;
  installedPackages: string[];
  osUpdated: boolean;
  observedAt: Date;
}

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

/** Stand-in for findings.ts in tests: one finding per installed package. */
export function findingsStandIn(input: StandInInput) {
  const packages = input.osUpdated
    ? input.installedPackages
    : ["openssl", ...input.installedPackages];
  const seconds = input.observedAt.getTime() / 1000;

  return packages.map((name, index) => ({
    findingArn:
      `arn:aws:inspector2:${input.region}:${input.accountId}:finding/` +
      hex32(`${input.amiId}${name}`),
    awsAccountId: input.accountId,
    type: "PACKAGE_VULNERABILITY",
    description: `Demo vulnerability in ${name}.`,
    title: `CVE-2099-${1000 + index} - ${name}`,
    remediation: { recommendation: { text: "Update the package." } },
    severity: SEVERITIES[index % SEVERITIES.length],
    firstObservedAt: seconds,
    lastObservedAt: seconds,
    updatedAt: seconds,
    status: index === 3 ? "CLOSED" : "ACTIVE",
    inspectorScore: 9.5 - index,
    epss: { score: 0.1 * (index + 1) },
    fixAvailable: index % 2 === 0 ? "YES" : "NO",
    exploitAvailable: index === 0 ? "YES" : "NO",
    packageVulnerabilityDetails: {
      vulnerabilityId: `CVE-2099-${1000 + index}`,
      source: "NVD",
      vulnerablePackages: [{ name, version: `1.${index}.0` }],
    },
    resources: [
      {
        type: "AWS_EC2_INSTANCE",
        id: input.instanceId,
        region: input.region,
        details: { awsEc2Instance: { imageId: input.amiId } },
      },
    ],
  }));
}

function hex32(text: string): string {
  let hash = "";
  for (let round = 0; hash.length < 32; round += 1) {
    let value = round + 7;
    for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
    hash += value.toString(16).padStart(8, "0");
  }

  return hash.slice(0, 32);
}
