// The public base AMIs the local emulator knows, as EC2 would list them.
// The seed points the golden AMI catalog at these ids in local mode.

export type OsKey =
  | "centos7"
  | "ubuntu1804"
  | "al2023"
  | "ubuntu2204"
  | "rhel9"
  | "windows2022";

export type Platform = "Linux" | "Windows";

export interface BaseImage {
  amiId: string;
  osKey: OsKey;
  name: string;
  /** Image Builder's osVersion string, matched by prefix. */
  osVersion: string;
  platform: Platform;
  architecture: "x86_64" | "arm64";
  /** Package manager family, decides how components install things. */
  family: "rhel" | "debian" | "windows";
}

export const BASE_IMAGES: readonly BaseImage[] = [
  {
    amiId: "ami-0c7e1f3a9b2d4e611",
    osKey: "centos7",
    name: "CentOS-7-2111-20220825_1.x86_64",
    osVersion: "CentOS Linux 7",
    platform: "Linux",
    architecture: "x86_64",
    family: "rhel",
  },
  {
    amiId: "ami-0a5b18d4e2f6c7a32",
    osKey: "ubuntu1804",
    name: "ubuntu/images/hvm-ssd/ubuntu-bionic-18.04-amd64-server-20230607",
    osVersion: "Ubuntu 18",
    platform: "Linux",
    architecture: "x86_64",
    family: "debian",
  },
  {
    amiId: "ami-0f3d2c1b4a5e6d753",
    osKey: "al2023",
    name: "al2023-ami-2023.9.20251117.1-kernel-6.1-x86_64",
    osVersion: "Amazon Linux 2023",
    platform: "Linux",
    architecture: "x86_64",
    family: "rhel",
  },
  {
    amiId: "ami-0b6e4d3c2f1a0e984",
    osKey: "ubuntu2204",
    name: "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20251015",
    osVersion: "Ubuntu 22",
    platform: "Linux",
    architecture: "x86_64",
    family: "debian",
  },
  {
    amiId: "ami-0d9a8b7c6e5f4a215",
    osKey: "rhel9",
    name: "RHEL-9.6.0_HVM-20251030-x86_64-0-Hourly2-GP3",
    osVersion: "Red Hat Enterprise Linux 9",
    platform: "Linux",
    architecture: "x86_64",
    family: "rhel",
  },
  {
    amiId: "ami-0e1f2a3b4c5d6e746",
    osKey: "windows2022",
    name: "Windows_Server-2022-English-Full-Base-2025.11.12",
    osVersion: "Microsoft Windows Server 2022",
    platform: "Windows",
    architecture: "x86_64",
    family: "windows",
  },
];

export function findBaseImage(amiId: string): BaseImage | undefined {
  return BASE_IMAGES.find((image) => image.amiId === amiId);
}
