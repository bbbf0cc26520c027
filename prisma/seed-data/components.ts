// Components the seed creates. The YAML documents live beside this file in
// components/<file> and are read with fs at seed time.

export interface SeedComponent {
  name: string;
  semanticVersion: string;
  ownerTeam: "ccoe" | "payments" | "analytics";
  platform: "Linux" | "Windows";
  supportedOsVersions: string[];
  mandatory: boolean;
  description: string;
  changeDescription: string;
  /** File name in prisma/seed-data/components. */
  file: string;
}

const RHEL_FAMILY = [
  "Amazon Linux",
  "Red Hat Enterprise Linux",
  "CentOS Linux",
];
const ALL_LINUX = [...RHEL_FAMILY, "Ubuntu"];
const APP_LINUX = ["Amazon Linux", "Red Hat Enterprise Linux", "Ubuntu"];
const WINDOWS = ["Microsoft Windows Server"];

export const SEED_COMPONENTS: SeedComponent[] = [
  {
    name: "ccoe-hardening-rhel",
    semanticVersion: "2.1.0",
    ownerTeam: "ccoe",
    platform: "Linux",
    supportedOsVersions: RHEL_FAMILY,
    mandatory: true,
    description:
      "CIS-style baseline for Amazon Linux, RHEL and CentOS: sshd, " +
      "password ageing, unused filesystems, auditd, network sysctl.",
    changeDescription:
      "Adds an sshd_config.d drop-in so RHEL 9 and Amazon Linux 2023 " +
      "keep PermitRootLogin no; MaxAuthTries becomes a parameter.",
    file: "ccoe-hardening-rhel.yaml",
  },
  {
    name: "ccoe-hardening-debian",
    semanticVersion: "2.1.0",
    ownerTeam: "ccoe",
    platform: "Linux",
    supportedOsVersions: ["Ubuntu"],
    mandatory: true,
    description:
      "CIS-style baseline for Ubuntu: sshd, password ageing, unused " +
      "filesystems, auditd, ufw, network sysctl.",
    changeDescription:
      "Adds an sshd_config.d drop-in for Ubuntu 22 and enables ufw with " +
      "only SSH allowed inbound.",
    file: "ccoe-hardening-debian.yaml",
  },
  {
    name: "ccoe-hardening-windows",
    semanticVersion: "2.1.0",
    ownerTeam: "ccoe",
    platform: "Windows",
    supportedOsVersions: WINDOWS,
    mandatory: true,
    description:
      "Windows Server baseline: SMBv1 off, TLS 1.0/1.1 off, password and " +
      "lockout policy, Windows Firewall on for every profile.",
    changeDescription:
      "Disables TLS 1.1 as well as TLS 1.0 and sets the lockout policy.",
    file: "ccoe-hardening-windows.yaml",
  },
  {
    name: "ssm-agent-linux",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Linux",
    supportedOsVersions: ALL_LINUX,
    mandatory: false,
    description:
      "Installs and enables the AWS Systems Manager agent (yum package, " +
      "snap or regional .deb).",
    changeDescription: "Initial version.",
    file: "ssm-agent-linux.yaml",
  },
  {
    name: "cloudwatch-agent-linux",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Linux",
    supportedOsVersions: ALL_LINUX,
    mandatory: false,
    description:
      "Installs the CloudWatch agent from the regional S3 bucket and " +
      "publishes memory, swap and disk metrics.",
    changeDescription: "Initial version.",
    file: "cloudwatch-agent-linux.yaml",
  },
  {
    name: "cloudwatch-agent-windows",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Windows",
    supportedOsVersions: WINDOWS,
    mandatory: false,
    description:
      "Installs the CloudWatch agent MSI and publishes memory, disk and " +
      "paging file metrics.",
    changeDescription: "Initial version.",
    file: "cloudwatch-agent-windows.yaml",
  },
  {
    name: "update-os-linux",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Linux",
    supportedOsVersions: ALL_LINUX,
    mandatory: false,
    description:
      "Applies pending OS updates (UpdateOS) and reboots into the new " +
      "kernel.",
    changeDescription: "Initial version.",
    file: "update-os-linux.yaml",
  },
  {
    name: "update-os-windows",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Windows",
    supportedOsVersions: WINDOWS,
    mandatory: false,
    description: "Installs available Windows updates (UpdateOS) and reboots.",
    changeDescription: "Initial version.",
    file: "update-os-windows.yaml",
  },
  {
    name: "reboot-test-linux",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Linux",
    supportedOsVersions: ALL_LINUX,
    mandatory: false,
    description:
      "Test: reboots the test instance and checks sshd and the SSM agent " +
      "came back.",
    changeDescription: "Initial version.",
    file: "reboot-test-linux.yaml",
  },
  {
    name: "reboot-test-windows",
    semanticVersion: "1.0.0",
    ownerTeam: "ccoe",
    platform: "Windows",
    supportedOsVersions: WINDOWS,
    mandatory: false,
    description:
      "Test: reboots the test instance and checks WinRM and the SSM agent " +
      "came back.",
    changeDescription: "Initial version.",
    file: "reboot-test-windows.yaml",
  },
  {
    name: "nginx-web-server",
    semanticVersion: "1.0.0",
    ownerTeam: "payments",
    platform: "Linux",
    supportedOsVersions: APP_LINUX,
    mandatory: false,
    description:
      "nginx from the distribution repositories with one server block; " +
      "checked with nginx -t.",
    changeDescription: "Initial version.",
    file: "nginx-web-server.yaml",
  },
  {
    name: "openjdk-17-runtime",
    semanticVersion: "1.0.0",
    ownerTeam: "analytics",
    platform: "Linux",
    supportedOsVersions: APP_LINUX,
    mandatory: false,
    description: "Java 17 runtime from Amazon Corretto or Eclipse Temurin.",
    changeDescription: "Initial version.",
    file: "openjdk-17-runtime.yaml",
  },
  {
    name: "nodejs-runtime",
    semanticVersion: "1.0.0",
    ownerTeam: "payments",
    platform: "Linux",
    supportedOsVersions: APP_LINUX,
    mandatory: false,
    description: "Node.js 18, 20 or 22 from the NodeSource repository.",
    changeDescription: "Initial version.",
    file: "nodejs-runtime.yaml",
  },
  {
    name: "http-smoke-test",
    semanticVersion: "1.0.0",
    ownerTeam: "payments",
    platform: "Linux",
    supportedOsVersions: ALL_LINUX,
    mandatory: false,
    description:
      "Test: requests a URL on the test instance and expects an HTTP " +
      "status (200 by default).",
    changeDescription: "Initial version.",
    file: "http-smoke-test.yaml",
  },
  {
    name: "iis-web-server",
    semanticVersion: "1.0.0",
    ownerTeam: "analytics",
    platform: "Windows",
    supportedOsVersions: WINDOWS,
    mandatory: false,
    description:
      "IIS web server role with management tools; the default site is " +
      "checked from a test instance.",
    changeDescription: "Initial version.",
    file: "iis-web-server.yaml",
  },
];
