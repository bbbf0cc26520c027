import { type Advisory, pkg } from "./types";

// LIMITATION: ALAS2023 advisory ids are left out and the amzn2023.0.N
// fixed-in revisions are approximate; the CVEs, packages and the Amazon
// ratings are real.
export const AL2023_ADVISORIES: readonly Advisory[] = [
  {
    cve: "CVE-2023-4911",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.7566,
    published: "2023-10-03",
    updated: "2023-10-05",
    related: [],
    exploitedAt: "2023-11-21",
    packages: [
      pkg("glibc", "2.34-52.amzn2023.0.3", "2.34-52.amzn2023.0.7"),
      pkg("glibc-common", "2.34-52.amzn2023.0.3", "2.34-52.amzn2023.0.7"),
    ],
    description:
      "The dynamic loader overflows a buffer while parsing the " +
      "GLIBC_TUNABLES variable, so a local user running a setuid program " +
      "gains root (Looney Tunables).",
  },
  {
    cve: "CVE-2023-4806",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0028,
    published: "2023-09-18",
    updated: "2023-10-05",
    related: [],
    packages: [
      pkg("glibc", "2.34-52.amzn2023.0.3", "2.34-52.amzn2023.0.7"),
    ],
    description:
      "getaddrinfo() can use freed memory when an NSS module lacks the " +
      "gethostbyname3_r hook and a lookup asks for v4-mapped addresses.",
  },
  {
    cve: "CVE-2024-2961",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L",
    epss: 0.9012,
    published: "2024-04-17",
    updated: "2024-04-25",
    related: [],
    packages: [
      pkg("glibc", "2.34-52.amzn2023.0.3", "2.34-52.amzn2023.0.10"),
      pkg("glibc-common", "2.34-52.amzn2023.0.3", "2.34-52.amzn2023.0.10"),
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
    updated: "2024-07-02",
    related: [],
    exploitedAt: "2024-07-01",
    packages: [
      pkg("openssh-server", "8.7p1-8.amzn2023.0.4", "8.7p1-8.amzn2023.0.11"),
    ],
    description:
      "sshd's SIGALRM handler calls functions that are not async-signal " +
      "safe when the login grace time expires, a race an unauthenticated " +
      "attacker can win to run code as root (regreSSHion).",
  },
  {
    cve: "CVE-2023-38408",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    vendorCvss: "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H",
    epss: 0.5962,
    published: "2023-07-19",
    updated: "2023-07-27",
    related: [],
    packages: [
      pkg("openssh-clients", "8.7p1-8.amzn2023.0.4", "8.7p1-8.amzn2023.0.5"),
    ],
    description:
      "ssh-agent loads PKCS#11 providers from an insecure search path, so " +
      "a remote host reached through agent forwarding can make the agent " +
      "load and run libraries already present on the client.",
  },
  {
    cve: "CVE-2023-48795",
    severity: "MEDIUM",
    vendorSeverity: "Medium",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.6231,
    published: "2023-12-18",
    updated: "2024-01-03",
    related: [],
    packages: [
      pkg("openssh-clients", "8.7p1-8.amzn2023.0.4", "8.7p1-8.amzn2023.0.10"),
      pkg("openssh-server", "8.7p1-8.amzn2023.0.4", "8.7p1-8.amzn2023.0.10"),
    ],
    description:
      "A man-in-the-middle can delete packets at the start of an SSH " +
      "session's encrypted channel without detection, downgrading " +
      "extension negotiation (Terrapin).",
  },
  {
    cve: "CVE-2023-38545",
    severity: "CRITICAL",
    vendorSeverity: "Critical",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.2351,
    published: "2023-10-11",
    updated: "2023-10-11",
    related: [],
    packages: [
      pkg("curl-minimal", "8.0.1-1.amzn2023", "8.3.0-1.amzn2023.0.2"),
      pkg("libcurl-minimal", "8.0.1-1.amzn2023", "8.3.0-1.amzn2023.0.2"),
    ],
    description:
      "curl's SOCKS5 proxy handshake copies an over-long host name into a " +
      "heap buffer when a slow server makes it switch to local name " +
      "resolution, overflowing it.",
  },
  {
    cve: "CVE-2023-38546",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N",
    epss: 0.0019,
    published: "2023-10-11",
    updated: "2023-10-11",
    related: [],
    packages: [
      pkg("libcurl-minimal", "8.0.1-1.amzn2023", "8.3.0-1.amzn2023.0.2"),
    ],
    description:
      "Duplicating a libcurl handle can turn on the cookie engine with a " +
      "file named \"none\", loading cookies from it if it exists.",
  },
  {
    cve: "CVE-2023-2650",
    severity: "MEDIUM",
    vendorSeverity: "Medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0105,
    published: "2023-05-30",
    updated: "2023-06-08",
    related: [],
    packages: [
      pkg("openssl-libs", "3.0.8-1.amzn2023.0.2", "3.0.8-1.amzn2023.0.3", 1),
    ],
    description:
      "OBJ_obj2txt() takes quadratic time on very long object identifiers, " +
      "so a crafted certificate can tie up a verifying process.",
  },
  {
    cve: "CVE-2023-5678",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
    epss: 0.0033,
    published: "2023-11-06",
    updated: "2023-12-07",
    related: [],
    packages: [
      pkg("openssl-libs", "3.0.8-1.amzn2023.0.2", "3.0.8-1.amzn2023.0.10", 1),
    ],
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
    updated: "2024-07-18",
    related: [],
    packages: [
      pkg("openssl-libs", "3.0.8-1.amzn2023.0.2", "3.0.8-1.amzn2023.0.14", 1),
    ],
    description:
      "SSL_select_next_proto() reads past its buffer when the client's " +
      "protocol list is empty, a case almost no application reaches.",
  },
  {
    cve: "CVE-2024-1086",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.8233,
    published: "2024-01-31",
    updated: "2024-02-15",
    related: [],
    exploitedAt: "2024-05-30",
    packages: [
      pkg("kernel", "6.1.15-28.43.amzn2023", "6.1.77-99.164.amzn2023"),
    ],
    description:
      "nft_verdict_init() accepts positive values as drop errors, which " +
      "leads nf_hook_slow() to free memory twice; a local user with " +
      "network namespaces gets root.",
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
    packages: [pkg("gnupg2-minimal", "2.3.7-1.amzn2023.0.4")],
    description:
      "gpg compresses a crafted key endlessly while importing it, so " +
      "importing an attacker's key hangs the process.",
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
    packages: [pkg("shadow-utils", "4.9-12.amzn2023.0.4", undefined, 2)],
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
    packages: [pkg("glibc", "2.34-52.amzn2023.0.3")],
    description:
      "A stack overflow can bypass glibc's stack guard. Upstream disputes " +
      "it as a security issue, as it only matters after another bug.",
  },
];
