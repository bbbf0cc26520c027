import { type Advisory, pkg } from "./types";

export const RHEL9_ADVISORIES: readonly Advisory[] = [
  {
    cve: "CVE-2023-4911",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.7566,
    published: "2023-10-03",
    updated: "2023-10-04",
    related: ["RHSA-2023:5455"],
    exploitedAt: "2023-11-21",
    packages: [
      pkg("glibc", "2.34-60.el9", "2.34-60.el9_2.7"),
      pkg("glibc-common", "2.34-60.el9", "2.34-60.el9_2.7"),
    ],
    description:
      "The dynamic loader overflows a buffer while parsing the " +
      "GLIBC_TUNABLES variable, so a local user running a setuid program " +
      "gains root (Looney Tunables).",
  },
  {
    cve: "CVE-2024-2961",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L",
    epss: 0.9012,
    published: "2024-04-17",
    updated: "2024-05-07",
    related: ["RHSA-2024:2722"],
    packages: [
      pkg("glibc", "2.34-60.el9", "2.34-100.el9_4.2"),
      pkg("glibc-common", "2.34-60.el9", "2.34-100.el9_4.2"),
    ],
    description:
      "iconv() writes up to four bytes past its output buffer when " +
      "converting to ISO-2022-CN-EXT, which web stacks such as PHP can " +
      "be driven to do remotely.",
  },
  {
    cve: "CVE-2024-6387",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.3894,
    published: "2024-07-01",
    updated: "2024-07-03",
    related: ["RHSA-2024:4312"],
    exploitedAt: "2024-07-01",
    packages: [
      pkg("openssh", "8.7p1-34.el9", "8.7p1-38.el9_4.1"),
      pkg("openssh-server", "8.7p1-34.el9", "8.7p1-38.el9_4.1"),
    ],
    description:
      "sshd's SIGALRM handler calls functions that are not async-signal " +
      "safe when the login grace time expires, a race an unauthenticated " +
      "attacker can win to run code as root (regreSSHion).",
  },
  {
    cve: "CVE-2023-48795",
    severity: "MEDIUM",
    vendorSeverity: "Moderate",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.6231,
    published: "2023-12-18",
    updated: "2024-04-30",
    related: [],
    packages: [
      pkg("openssh", "8.7p1-34.el9", "8.7p1-38.el9"),
      pkg("openssh-clients", "8.7p1-34.el9", "8.7p1-38.el9"),
    ],
    description:
      "A man-in-the-middle can delete packets at the start of an SSH " +
      "session's encrypted channel without detection, downgrading " +
      "extension negotiation (Terrapin).",
  },
  {
    cve: "CVE-2024-1086",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.8233,
    published: "2024-01-31",
    updated: "2024-03-12",
    related: [],
    exploitedAt: "2024-05-30",
    packages: [
      pkg("kernel", "5.14.0-362.8.1.el9_3", "5.14.0-362.24.1.el9_3"),
    ],
    description:
      "nft_verdict_init() accepts positive values as drop errors, which " +
      "leads nf_hook_slow() to free memory twice; a local user with " +
      "network namespaces gets root.",
  },
  {
    cve: "CVE-2023-22809",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0468,
    published: "2023-01-18",
    updated: "2023-01-23",
    related: ["RHSA-2023:0291"],
    packages: [pkg("sudo", "1.9.5p2-7.el9", "1.9.5p2-7.el9_1.1")],
    description:
      "sudoedit takes extra file names from EDITOR-style variables after " +
      "a \"--\", so a user allowed to edit one file can edit any file.",
  },
  {
    cve: "CVE-2024-0553",
    severity: "MEDIUM",
    vendorSeverity: "Moderate",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
    vendorCvss: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N",
    epss: 0.0053,
    published: "2024-01-16",
    updated: "2024-01-30",
    related: [],
    packages: [pkg("gnutls", "3.7.6-23.el9", "3.7.6-23.el9_3.3")],
    description:
      "GnuTLS RSA-PSK key exchange still takes measurably different time " +
      "for malformed ciphertexts, leaving a timing side channel.",
  },
  {
    cve: "CVE-2023-28484",
    severity: "MEDIUM",
    vendorSeverity: "Moderate",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
    epss: 0.0016,
    published: "2023-04-24",
    updated: "2023-08-08",
    related: ["RHSA-2023:4529"],
    packages: [pkg("libxml2", "2.9.13-3.el9_1", "2.9.13-3.el9_2.1")],
    description:
      "libxml2 dereferences a NULL pointer while validating a crafted " +
      "document against an XML schema, crashing the validator.",
  },
  {
    cve: "CVE-2024-0727",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
    epss: 0.0012,
    published: "2024-01-26",
    updated: "2024-04-30",
    related: ["RHSA-2024:2447"],
    packages: [pkg("openssl-libs", "3.0.7-24.el9", "3.0.7-27.el9", 1)],
    description:
      "Parsing a malformed PKCS#12 file dereferences a NULL pointer and " +
      "crashes the application.",
  },
  {
    cve: "CVE-2023-5678",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
    epss: 0.0033,
    published: "2023-11-06",
    updated: "2024-04-30",
    related: ["RHSA-2024:2447"],
    packages: [pkg("openssl-libs", "3.0.7-24.el9", "3.0.7-27.el9", 1)],
    description:
      "Checking or generating over-long X9.42 DH keys and parameters takes " +
      "excessive time, slowing services that accept them from peers.",
  },
  {
    cve: "CVE-2024-5535",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H",
    vendorCvss: "AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:L",
    epss: 0.0065,
    published: "2024-06-27",
    updated: "2024-08-13",
    related: [],
    packages: [pkg("openssl-libs", "3.0.7-24.el9", "3.0.7-28.el9_4", 1)],
    description:
      "SSL_select_next_proto() reads past its buffer when the client's " +
      "protocol list is empty, a case almost no application reaches.",
  },
  {
    cve: "CVE-2022-3219",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:L",
    epss: 0.0004,
    published: "2023-02-23",
    updated: "2023-02-23",
    related: [],
    packages: [pkg("gnupg2", "2.3.3-4.el9")],
    description:
      "gpg compresses a crafted key endlessly while importing it, so " +
      "importing an attacker's key hangs the process. Red Hat will not " +
      "fix it.",
  },
  {
    cve: "CVE-2023-29383",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N",
    epss: 0.0004,
    published: "2023-04-14",
    updated: "2023-04-14",
    related: [],
    packages: [pkg("shadow-utils", "4.9-8.el9", undefined, 2)],
    description:
      "chfn accepts control characters in GECOS fields, so a local user " +
      "can write misleading text into /etc/passwd views.",
  },
  {
    cve: "CVE-2019-1010022",
    severity: "INFORMATIONAL",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0021,
    published: "2019-07-15",
    updated: "2023-11-07",
    related: [],
    packages: [pkg("glibc", "2.34-60.el9")],
    description:
      "A stack overflow can bypass glibc's stack guard. Upstream disputes " +
      "it as a security issue, as it only matters after another bug.",
  },
];
