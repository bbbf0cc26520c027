// A few Amazon-managed resources (account `aws` in ARNs) that recipes
// commonly select with x.x.x wildcards.
// LIMITATION: only the handful below exist; other Amazon-managed or
// Marketplace components and images are reported as not found.
import type { Scope } from "./arns";
import type { OsKey } from "./base-images";
import type { ComponentRecord } from "./state-types";

interface ManagedComponent {
  name: string;
  version: string;
  platform: "Linux" | "Windows";
  description: string;
  document: string;
}

const STIG_DOCUMENT = `schemaVersion: 1.0
parameters:
  - Level:
      type: string
      default: High
      description: STIG level to apply (Low, Medium or High).
phases:
  - name: build
    steps:
      - name: ApplyStig
        action: ExecuteBash
        inputs:
          commands:
            - "echo applying STIG {{ Level }}"
`;

const MANAGED_COMPONENTS: ManagedComponent[] = [
  {
    name: "update-linux",
    version: "1.0.2",
    platform: "Linux",
    description: "Updates Linux with the latest security updates.",
    document: bashDocument("UpdateOS", "yum update -y || apt-get upgrade -y"),
  },
  {
    name: "python-3-linux",
    version: "1.0.5",
    platform: "Linux",
    description: "Installs Python 3.",
    document: bashDocument("InstallPython", "yum install -y python3"),
  },
  {
    name: "stig-build-linux",
    version: "2025.3.0",
    platform: "Linux",
    description: "Applies the DISA STIG settings.",
    document: STIG_DOCUMENT,
  },
  {
    name: "update-windows",
    version: "1.0.1",
    platform: "Windows",
    description: "Installs the latest Windows updates.",
    document:
      "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n" +
      "      - name: UpdateWindows\n        action: UpdateOS\n" +
      "        inputs: {}\n",
  },
];

/** Amazon-managed parent images by ARN name, mapped to a base OS. */
export const MANAGED_IMAGES: Record<string, OsKey> = {
  "amazon-linux-2023-x86": "al2023",
  "ubuntu-server-22-lts-x86": "ubuntu2204",
  "red-hat-enterprise-linux-9-x86": "rhel9",
  "windows-server-2022-english-full-base-x86": "windows2022",
};

export function managedComponents(scope: Scope): ComponentRecord[] {
  return MANAGED_COMPONENTS.map((component) => {
    const arn =
      `arn:aws:imagebuilder:${scope.region}:aws:component/` +
      `${component.name}/${component.version}/1`;

    return {
      arn,
      name: component.name,
      version: component.version,
      build: 1,
      wire: {
        arn,
        name: component.name,
        version: component.version,
        description: component.description,
        type: "BUILD",
        platform: component.platform,
        state: { status: "ACTIVE" },
        parameters: component.document.includes("Level:")
          ? [
              {
                name: "Level",
                type: "string",
                defaultValue: ["High"],
                description: "STIG level to apply (Low, Medium or High).",
              },
            ]
          : undefined,
        owner: "Amazon",
        data: component.document,
        encrypted: true,
        dateCreated: "2025-01-01T00:00:00.000Z",
        obfuscate: false,
      },
    };
  });
}

export function isManagedArn(scope: Scope, arn: string): boolean {
  return arn.startsWith(`arn:aws:imagebuilder:${scope.region}:aws:`);
}

function bashDocument(step: string, command: string): string {
  return (
    "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n" +
    `      - name: ${step}\n        action: ExecuteBash\n` +
    `        inputs:\n          commands:\n            - "${command}"\n`
  );
}
