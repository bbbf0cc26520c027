import { type Advisory, pkg } from "./types";

// Representation: each fixed finding names the cumulative update (KB) that
// fixes it as the package; `installed` and `fixed` are OS build numbers, as
// Microsoft's CVE records give them. Flaws with no update to install
// (opt-in or manual mitigations) name the OS itself.
const BUILD = "10.0.20348.2582";
const OS = "Microsoft Windows Server 2022";

export const WINDOWS2022_ADVISORIES: readonly Advisory[] = [
  {
    cve: "CVE-2024-38063",
    severity: "CRITICAL",
    vendorSeverity: "Critical",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0507,
    published: "2024-08-13",
    updated: "2024-08-13",
    related: ["KB5041160"],
    packages: [pkg("KB5041160", BUILD, "10.0.20348.2655")],
    description:
      "The TCP/IP stack mishandles crafted IPv6 packets, letting an " +
      "unauthenticated remote attacker run code in the kernel.",
  },
  {
    cve: "CVE-2024-38193",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0291,
    published: "2024-08-13",
    updated: "2024-08-13",
    related: ["KB5041160"],
    exploitedAt: "2024-08-13",
    packages: [pkg("KB5041160", BUILD, "10.0.20348.2655")],
    description:
      "A use-after-free in the WinSock ancillary function driver (afd.sys) " +
      "lets a local user gain SYSTEM.",
  },
  {
    cve: "CVE-2024-38178",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H",
    epss: 0.0788,
    published: "2024-08-13",
    updated: "2024-08-13",
    related: ["KB5041160"],
    exploitedAt: "2024-08-13",
    packages: [pkg("KB5041160", BUILD, "10.0.20348.2655")],
    description:
      "Memory corruption in the scripting engine runs attacker code when " +
      "a user opens a crafted link in Internet Explorer mode.",
  },
  {
    cve: "CVE-2024-43583",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0012,
    published: "2024-10-08",
    updated: "2024-10-08",
    related: ["KB5044281"],
    packages: [pkg("KB5044281", BUILD, "10.0.20348.2762")],
    description:
      "Winlogon loads third-party input method editors during sign-in, " +
      "which a local user can abuse to gain SYSTEM.",
  },
  {
    cve: "CVE-2024-43451",
    severity: "MEDIUM",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N",
    epss: 0.0611,
    published: "2024-11-12",
    updated: "2024-11-12",
    related: ["KB5046616"],
    exploitedAt: "2024-11-12",
    packages: [pkg("KB5046616", BUILD, "10.0.20348.2849")],
    description:
      "Merely selecting or inspecting a crafted file makes Windows send " +
      "the user's NTLMv2 hash to an attacker-chosen server.",
  },
  {
    cve: "CVE-2024-49112",
    severity: "CRITICAL",
    vendorSeverity: "Critical",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.1125,
    published: "2024-12-10",
    updated: "2024-12-10",
    related: ["KB5048654"],
    packages: [pkg("KB5048654", BUILD, "10.0.20348.2966")],
    description:
      "An integer overflow in the LDAP client lets a malicious LDAP " +
      "server run code in the context of the LDAP service.",
  },
  {
    cve: "CVE-2024-49138",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0346,
    published: "2024-12-10",
    updated: "2024-12-19",
    related: ["KB5048654"],
    exploitedAt: "2024-12-10",
    packages: [pkg("KB5048654", BUILD, "10.0.20348.2966")],
    description:
      "A heap overflow in the Common Log File System driver lets a local " +
      "user gain SYSTEM.",
  },
  {
    cve: "CVE-2025-21333",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0371,
    published: "2025-01-14",
    updated: "2025-01-14",
    related: ["KB5049983"],
    exploitedAt: "2025-01-14",
    packages: [pkg("KB5049983", BUILD, "10.0.20348.3091")],
    description:
      "A heap overflow in the Hyper-V NT Kernel Integration VSP lets a " +
      "local user gain SYSTEM.",
  },
  {
    cve: "CVE-2025-21418",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0354,
    published: "2025-02-11",
    updated: "2025-02-11",
    related: ["KB5051979"],
    exploitedAt: "2025-02-11",
    packages: [pkg("KB5051979", BUILD, "10.0.20348.3207")],
    description:
      "A heap overflow in the WinSock ancillary function driver (afd.sys) " +
      "lets a local user gain SYSTEM.",
  },
  {
    cve: "CVE-2025-24054",
    severity: "MEDIUM",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N",
    epss: 0.5804,
    published: "2025-03-11",
    updated: "2025-04-17",
    related: ["KB5053603"],
    exploitedAt: "2025-04-17",
    packages: [pkg("KB5053603", BUILD, "10.0.20348.3328")],
    description:
      "Extracting a crafted .library-ms file makes Explorer authenticate " +
      "to an attacker's server, leaking the user's NTLM hash.",
  },
  {
    cve: "CVE-2025-29824",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0431,
    published: "2025-04-08",
    updated: "2025-04-12",
    related: ["KB5055526"],
    exploitedAt: "2025-04-08",
    packages: [pkg("KB5055526", BUILD, "10.0.20348.3454")],
    description:
      "A use-after-free in the Common Log File System driver lets a local " +
      "user gain SYSTEM; ransomware operators used it in the wild.",
  },
  {
    cve: "CVE-2025-33073",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.1342,
    published: "2025-06-10",
    updated: "2025-10-20",
    related: ["KB5060526"],
    exploitedAt: "2025-10-20",
    packages: [pkg("KB5060526", BUILD, "10.0.20348.3807")],
    description:
      "Improper access control in the SMB client lets an authenticated " +
      "attacker reflect the machine's own authentication and gain SYSTEM.",
  },
  {
    cve: "CVE-2025-59230",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0214,
    published: "2025-10-14",
    updated: "2025-10-14",
    related: ["KB5066782"],
    exploitedAt: "2025-10-14",
    packages: [pkg("KB5066782", BUILD, "10.0.20348.4294")],
    description:
      "Improper access control in the Remote Access Connection Manager " +
      "lets a local user gain SYSTEM.",
  },
  {
    cve: "CVE-2013-3900",
    severity: "MEDIUM",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N",
    epss: 0.1957,
    published: "2013-12-10",
    updated: "2022-01-10",
    related: [],
    exploitedAt: "2022-01-10",
    packages: [pkg(OS, BUILD)],
    description:
      "WinVerifyTrust accepts signed executables with data appended to " +
      "the signature. The stricter check is opt-in through the " +
      "EnableCertPaddingCheck registry value; no update enables it.",
  },
  {
    cve: "CVE-2023-24932",
    severity: "MEDIUM",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0098,
    published: "2023-05-09",
    updated: "2024-07-09",
    related: [],
    exploitedAt: "2023-05-09",
    packages: [pkg(OS, BUILD)],
    description:
      "Secure Boot can be bypassed with old vulnerable boot managers " +
      "(BlackLotus). Protection needs manual revocation steps that the " +
      "cumulative updates do not apply.",
  },
];
