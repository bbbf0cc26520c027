import type { OsKey } from "../base-images";
import { AL2023_ADVISORIES } from "./al2023";
import { CENTOS7_ADVISORIES } from "./centos7";
import { RHEL9_ADVISORIES } from "./rhel9";
import type { Advisory } from "./types";
import { UBUNTU1804_ADVISORIES } from "./ubuntu1804";
import { UBUNTU2204_ADVISORIES } from "./ubuntu2204";
import { WINDOWS2022_ADVISORIES } from "./windows2022";

/** How Inspector describes one OS's packages and where its advisories live. */
export interface OsProfile {
  advisories: readonly Advisory[];
  source: string;
  platform: string;
  /** rpm and deb versions carry a release after the last hyphen. */
  hasRelease: boolean;
  sourceUrl: (cve: string) => string;
  /** The command that updates one OS package. */
  updateCommand: (name: string) => string;
}

const redHatUrl = (cve: string) =>
  `https://access.redhat.com/security/cve/${cve}`;
const ubuntuUrl = (cve: string) => `https://ubuntu.com/security/${cve}`;
const apt = (name: string) =>
  `apt-get update && apt-get install --only-upgrade ${name}`;

export const OS_PROFILES: Record<OsKey, OsProfile> = {
  centos7: {
    advisories: CENTOS7_ADVISORIES,
    source: "REDHAT_CVE",
    platform: "CENTOS_7",
    hasRelease: true,
    sourceUrl: redHatUrl,
    updateCommand: (name) => `yum update ${name}`,
  },
  ubuntu1804: {
    advisories: UBUNTU1804_ADVISORIES,
    source: "UBUNTU_CVE",
    platform: "UBUNTU_18_04",
    hasRelease: true,
    sourceUrl: ubuntuUrl,
    updateCommand: apt,
  },
  al2023: {
    advisories: AL2023_ADVISORIES,
    source: "AMAZON_CVE",
    platform: "AMAZON_LINUX_2023",
    hasRelease: true,
    sourceUrl: (cve) => `https://explore.alas.aws.amazon.com/${cve}.html`,
    updateCommand: (name) => `dnf update --refresh ${name}`,
  },
  ubuntu2204: {
    advisories: UBUNTU2204_ADVISORIES,
    source: "UBUNTU_CVE",
    platform: "UBUNTU_22_04",
    hasRelease: true,
    sourceUrl: ubuntuUrl,
    updateCommand: apt,
  },
  rhel9: {
    advisories: RHEL9_ADVISORIES,
    source: "REDHAT_CVE",
    platform: "RHEL_9",
    hasRelease: true,
    sourceUrl: redHatUrl,
    updateCommand: (name) => `dnf update ${name}`,
  },
  windows2022: {
    advisories: WINDOWS2022_ADVISORIES,
    source: "WINDOWS_SERVER_2022",
    platform: "WINDOWS_SERVER_2022",
    hasRelease: false,
    sourceUrl: (cve) =>
      `https://msrc.microsoft.com/update-guide/vulnerability/${cve}`,
    updateCommand: (name) =>
      name.startsWith("KB") ? `Install ${name}` : `choco upgrade ${name}`,
  },
};

/** Where an advisory id (USN, RHSA, ALAS, KB) is published. */
export function advisoryUrl(id: string): string | undefined {
  if (id.startsWith("USN-")) return `https://ubuntu.com/security/notices/${id}`;
  if (id.startsWith("RHSA-")) return `https://access.redhat.com/errata/${id}`;
  if (id.startsWith("ALAS")) {
    return `https://alas.aws.amazon.com/AL2023/${id}.html`;
  }
  if (id.startsWith("KB")) {
    return `https://support.microsoft.com/help/${id.slice(2)}`;
  }

  return undefined;
}
