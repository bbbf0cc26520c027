// Shapes of the emulator's vulnerability fixture. Every entry is a real
// advisory; versions are the distro's own strings.

export type Severity =
  | "INFORMATIONAL"
  | "LOW"
  | "MEDIUM"
  | "HIGH"
  | "CRITICAL"
  | "UNTRIAGED";

export interface AffectedPackage {
  name: string;
  /** Installed version as the package manager prints it, without epoch. */
  installed: string;
  /** Version the vendor shipped the fix in; absent when none shipped. */
  fixed?: string;
  epoch: number;
}

export interface Advisory {
  cve: string;
  severity: Severity;
  /** The vendor's own rating, in the vendor's words. */
  vendorSeverity: string;
  /** NVD CVSS v3.1 vector without the `CVSS:3.1/` prefix. */
  nvd?: string;
  /** The vendor's own CVSS v3.1 vector, when it differs from NVD's. */
  vendorCvss?: string;
  epss: number;
  /** YYYY-MM-DD */
  published: string;
  /** YYYY-MM-DD */
  updated: string;
  /** USN-, RHSA-, ALAS2023- or KB ids of the advisories that fix it. */
  related: string[];
  packages: AffectedPackage[];
  description: string;
  /** Date of the last known exploitation; marks exploitAvailable YES. */
  exploitedAt?: string;
}

export type PackageManager = "OS" | "PIP" | "NPM";

/** An advisory for software a component installs, keyed by package. */
export interface PackageAdvisory extends Advisory {
  packageManager: PackageManager;
  linuxOnly?: boolean;
}

export function pkg(
  name: string,
  installed: string,
  fixed?: string,
  epoch = 0,
): AffectedPackage {
  return fixed === undefined
    ? { name, installed, epoch }
    : { name, installed, fixed, epoch };
}
