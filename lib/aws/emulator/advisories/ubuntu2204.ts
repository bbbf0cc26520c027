import { type Advisory, pkg } from "./types";

export const UBUNTU2204_ADVISORIES: readonly Advisory[] = [
  {
    cve: "CVE-2024-6387",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.3894,
    published: "2024-07-01",
    updated: "2024-07-01",
    related: ["USN-6859-1"],
    exploitedAt: "2024-07-01",
    packages: [
      pkg("openssh-server", "8.9p1-3ubuntu0.4", "8.9p1-3ubuntu0.10", 1),
    ],
    description:
      "sshd's SIGALRM handler calls functions that are not async-signal " +
      "safe when the login grace time expires, a race an unauthenticated " +
      "attacker can win to run code as root (regreSSHion).",
  },
  {
    cve: "CVE-2023-48795",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.6231,
    published: "2023-12-18",
    updated: "2023-12-19",
    related: ["USN-6560-1"],
    packages: [
      pkg("openssh-client", "8.9p1-3ubuntu0.4", "8.9p1-3ubuntu0.6", 1),
      pkg("openssh-server", "8.9p1-3ubuntu0.4", "8.9p1-3ubuntu0.6", 1),
    ],
    description:
      "A man-in-the-middle can delete packets at the start of an SSH " +
      "session's encrypted channel without detection, downgrading " +
      "extension negotiation (Terrapin).",
  },
  {
    cve: "CVE-2023-4911",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.7566,
    published: "2023-10-03",
    updated: "2023-10-03",
    related: ["USN-6409-1"],
    exploitedAt: "2023-11-21",
    packages: [
      pkg("libc6", "2.35-0ubuntu3.1", "2.35-0ubuntu3.4"),
      pkg("libc-bin", "2.35-0ubuntu3.1", "2.35-0ubuntu3.4"),
    ],
    description:
      "The dynamic loader overflows a buffer while parsing the " +
      "GLIBC_TUNABLES variable, so a local user running a setuid program " +
      "gains root (Looney Tunables).",
  },
  {
    cve: "CVE-2024-2961",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L",
    epss: 0.9012,
    published: "2024-04-17",
    updated: "2024-04-23",
    related: ["USN-6737-1"],
    packages: [
      pkg("libc6", "2.35-0ubuntu3.1", "2.35-0ubuntu3.7"),
      pkg("libc-bin", "2.35-0ubuntu3.1", "2.35-0ubuntu3.7"),
    ],
    description:
      "iconv() writes up to four bytes past its output buffer when " +
      "converting to ISO-2022-CN-EXT, which web stacks such as PHP can " +
      "be driven to do remotely.",
  },
  {
    cve: "CVE-2023-38545",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.2351,
    published: "2023-10-11",
    updated: "2023-10-11",
    related: ["USN-6429-1"],
    packages: [
      pkg("curl", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14"),
      pkg("libcurl4", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14"),
    ],
    description:
      "curl's SOCKS5 proxy handshake copies an over-long host name into a " +
      "heap buffer when a slow server makes it switch to local name " +
      "resolution, overflowing it.",
  },
  {
    cve: "CVE-2023-38546",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N",
    epss: 0.0019,
    published: "2023-10-11",
    updated: "2023-10-11",
    related: ["USN-6429-1"],
    packages: [
      pkg("curl", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14"),
      pkg("libcurl4", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14"),
    ],
    description:
      "Duplicating a libcurl handle can turn on the cookie engine with a " +
      "file named \"none\", loading cookies from it if it exists.",
  },
  {
    cve: "CVE-2023-0286",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H",
    epss: 0.0136,
    published: "2023-02-07",
    updated: "2023-02-07",
    related: ["USN-5844-1"],
    packages: [pkg("libssl3", "3.0.2-0ubuntu1.7", "3.0.2-0ubuntu1.8")],
    description:
      "A type confusion on X.400 addresses in GENERAL_NAME comparisons " +
      "lets a crafted certificate or CRL read memory or crash the process.",
  },
  {
    cve: "CVE-2024-5535",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H",
    epss: 0.0065,
    published: "2024-06-27",
    updated: "2024-08-07",
    related: ["USN-6937-1"],
    packages: [pkg("libssl3", "3.0.2-0ubuntu1.7", "3.0.2-0ubuntu1.17")],
    description:
      "SSL_select_next_proto() reads past its buffer when the client's " +
      "protocol list is empty, a case almost no application reaches.",
  },
  {
    cve: "CVE-2024-4741",
    severity: "UNTRIAGED",
    vendorSeverity: "untriaged",
    epss: 0.0022,
    published: "2024-05-28",
    updated: "2024-08-07",
    related: ["USN-6937-1"],
    packages: [pkg("libssl3", "3.0.2-0ubuntu1.7", "3.0.2-0ubuntu1.17")],
    description:
      "SSL_free_buffers() can release a buffer that is still in use. NVD " +
      "had not scored it when this snapshot was taken.",
  },
  {
    cve: "CVE-2022-37434",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0259,
    published: "2022-08-05",
    updated: "2022-08-10",
    related: ["USN-5570-1"],
    packages: [
      pkg("zlib1g", "1.2.11.dfsg-2ubuntu9", "1.2.11.dfsg-2ubuntu9.1", 1),
    ],
    description:
      "inflate() overflows a heap buffer when an application reads a gzip " +
      "header with a large extra field through inflateGetHeader().",
  },
  {
    cve: "CVE-2023-22809",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0468,
    published: "2023-01-18",
    updated: "2023-01-18",
    related: ["USN-5811-1"],
    packages: [pkg("sudo", "1.9.9-1ubuntu2.1", "1.9.9-1ubuntu2.2")],
    description:
      "sudoedit takes extra file names from EDITOR-style variables after " +
      "a \"--\", so a user allowed to edit one file can edit any file.",
  },
  {
    cve: "CVE-2023-29383",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N",
    epss: 0.0004,
    published: "2023-04-14",
    updated: "2024-02-21",
    related: ["USN-6640-1"],
    packages: [
      pkg("passwd", "4.8.1-2ubuntu2.1", "4.8.1-2ubuntu2.2", 1),
      pkg("login", "4.8.1-2ubuntu2.1", "4.8.1-2ubuntu2.2", 1),
    ],
    description:
      "chfn accepts control characters in GECOS fields, so a local user " +
      "can write misleading text into /etc/passwd views.",
  },
  {
    cve: "CVE-2016-2781",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N",
    epss: 0.0004,
    published: "2017-02-07",
    updated: "2017-02-07",
    related: [],
    packages: [pkg("coreutils", "8.32-4.1ubuntu1")],
    description:
      "chroot --userspec keeps the terminal, so a program run inside can " +
      "push characters back into the calling shell's input.",
  },
  {
    cve: "CVE-2022-3219",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:L",
    epss: 0.0004,
    published: "2023-02-23",
    updated: "2023-02-23",
    related: [],
    packages: [pkg("gpg", "2.2.27-3ubuntu2.1")],
    description:
      "gpg compresses a crafted key endlessly while importing it, so " +
      "importing an attacker's key hangs the process.",
  },
  {
    cve: "CVE-2022-0563",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
    epss: 0.0004,
    published: "2022-02-21",
    updated: "2022-02-21",
    related: [],
    packages: [pkg("util-linux", "2.37.2-4ubuntu3")],
    description:
      "chfn and chsh built with readline honour INPUTRC, letting a local " +
      "user read parts of root-owned files through error messages.",
  },
  {
    cve: "CVE-2017-11164",
    severity: "INFORMATIONAL",
    vendorSeverity: "negligible",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0051,
    published: "2017-07-11",
    updated: "2017-07-11",
    related: [],
    packages: [pkg("libpcre3", "8.39-13ubuntu0.22.04.1", undefined, 2)],
    description:
      "Deeply nested patterns exhaust the stack in PCRE's recursive " +
      "matcher. Ubuntu treats it as negligible and ships no fix.",
  },
];
