// The demo image lines: what each team built over the last months, one
// entry per recipe version, oldest first. Dates, ids and timings come from
// the seeded generator in plan.ts; everything else is written here.

export type TeamSlug = "ccoe" | "payments" | "analytics";

/** A component of a recipe version and the parameters set on it. */
export type Use = [name: string, parameters?: Record<string, string>];

export type Outcome =
  | "AVAILABLE"
  | "CANCELLED"
  | { failed: "BUILDING" | "TESTING"; step: string; component: string };

export interface LineVersion {
  version: string;
  description: string;
  components: Use[];
  /** Each build of this recipe version, in order (rebuilds get /2, /3). */
  builds: Outcome[];
}

export interface DemoLine {
  name: string;
  team: TeamSlug;
  golden: string;
  /** Days before today of the first build. */
  startDaysAgo: number;
  /** Days before today of the last recipe version's first build. */
  endDaysAgo: number;
  versions: LineVersion[];
}

const OK = "AVAILABLE";
const HARDEN_RHEL: Use = ["ccoe-hardening-rhel"];
const HARDEN_DEB: Use = ["ccoe-hardening-debian"];
const SSM: Use = ["ssm-agent-linux"];
const CW: Use = ["cloudwatch-agent-linux"];
const UPDATE: Use = ["update-os-linux"];
const REBOOT: Use = ["reboot-test-linux"];

const smoke = (url: string): Use => ["http-smoke-test", { Url: url }];
const nginx = (server: string, port = "80"): Use => [
  "nginx-web-server",
  { ServerName: server, ListenPort: port },
];
const java = (distribution: string): Use => [
  "openjdk-17-runtime",
  { JavaDistribution: distribution },
];
const node = (major: string): Use => [
  "nodejs-runtime",
  { NodeMajorVersion: major },
];
const smokeFailed = {
  failed: "TESTING",
  step: "RequestUrl",
  component: "http-smoke-test",
} as const;

export const DEMO_LINES: DemoLine[] = [
  {
    name: "payments-checkout-api",
    team: "payments",
    golden: "amazon-linux-2023",
    startDaysAgo: 262,
    endDaysAgo: 6,
    versions: [
      {
        version: "1.0.0",
        description: "Checkout API on Node.js 18.",
        components: [
          HARDEN_RHEL,
          SSM,
          CW,
          node("18"),
          smoke("http://localhost:8080/healthz"),
        ],
        builds: [OK],
      },
      {
        version: "1.1.0",
        description: "nginx in front of the API for TLS termination.",
        components: [
          HARDEN_RHEL,
          SSM,
          CW,
          node("18"),
          nginx("checkout.payments.internal"),
          smoke("http://localhost/healthz"),
        ],
        builds: [smokeFailed, OK],
      },
      {
        version: "1.2.0",
        description: "Applies OS updates during the build.",
        components: [
          HARDEN_RHEL,
          UPDATE,
          SSM,
          CW,
          node("18"),
          nginx("checkout.payments.internal"),
          smoke("http://localhost/healthz"),
        ],
        builds: [OK],
      },
      {
        version: "1.2.1",
        description: "Monthly rebuild.",
        components: [
          HARDEN_RHEL,
          UPDATE,
          SSM,
          CW,
          node("18"),
          nginx("checkout.payments.internal"),
          smoke("http://localhost/healthz"),
        ],
        builds: [OK],
      },
    ],
  },
  {
    name: "payments-edge-proxy",
    team: "payments",
    golden: "ubuntu-22-04",
    startDaysAgo: 240,
    endDaysAgo: 12,
    versions: [
      {
        version: "1.0.0",
        description: "Edge reverse proxy.",
        components: [
          HARDEN_DEB,
          SSM,
          nginx("edge.payments.internal", "443"),
          smoke("http://localhost:443/"),
        ],
        builds: [OK],
      },
      {
        version: "1.0.1",
        description: "Ships metrics to CloudWatch.",
        components: [
          HARDEN_DEB,
          SSM,
          CW,
          nginx("edge.payments.internal", "443"),
          smoke("http://localhost:443/"),
        ],
        builds: [OK, OK],
      },
      {
        version: "2.0.0",
        description: "OS updates at build time; Node.js rate-limit sidecar.",
        components: [
          HARDEN_DEB,
          UPDATE,
          SSM,
          CW,
          nginx("edge.payments.internal", "443"),
          node("18"),
          smoke("http://localhost:443/"),
        ],
        builds: ["CANCELLED", OK],
      },
      {
        version: "2.1.0",
        description: "Tighter SSH retries.",
        components: [
          ["ccoe-hardening-debian", { SshMaxAuthTries: "3" }],
          UPDATE,
          SSM,
          CW,
          nginx("edge.payments.internal", "443"),
          node("18"),
          smoke("http://localhost:443/"),
        ],
        builds: [OK],
      },
    ],
  },
  {
    name: "payments-settlement-batch",
    team: "payments",
    golden: "centos-7",
    startDaysAgo: 268,
    endDaysAgo: 105,
    versions: [
      {
        version: "3.4.0",
        description: "Settlement batch host moved from the old bakery.",
        components: [HARDEN_RHEL, SSM, CW],
        builds: [OK],
      },
      {
        version: "3.4.1",
        description: "OS updates at build time.",
        components: [HARDEN_RHEL, UPDATE, SSM, CW],
        builds: [OK],
      },
      {
        version: "3.5.0",
        description: "Reboot test before release.",
        components: [HARDEN_RHEL, UPDATE, SSM, CW, REBOOT],
        builds: [
          {
            failed: "TESTING",
            step: "AssertServices",
            component: "reboot-test-linux",
          },
          OK,
        ],
      },
    ],
  },
  {
    name: "payments-ledger-jvm",
    team: "payments",
    golden: "rhel-9",
    startDaysAgo: 175,
    endDaysAgo: 20,
    versions: [
      {
        version: "1.0.0",
        description: "Ledger service on Java 17.",
        components: [HARDEN_RHEL, SSM, java("corretto")],
        builds: [OK],
      },
      {
        version: "1.1.0",
        description: "OS updates and CloudWatch agent.",
        components: [HARDEN_RHEL, UPDATE, SSM, CW, java("corretto")],
        builds: [OK],
      },
      {
        version: "1.1.1",
        description: "Monthly rebuild.",
        components: [HARDEN_RHEL, UPDATE, SSM, CW, java("corretto")],
        builds: [OK],
      },
    ],
  },
  {
    name: "analytics-spark-worker",
    team: "analytics",
    golden: "rhel-9",
    startDaysAgo: 255,
    endDaysAgo: 3,
    versions: [
      {
        version: "2.0.0",
        description: "Spark worker on Temurin 17.",
        components: [HARDEN_RHEL, SSM, CW, java("temurin")],
        builds: [OK],
      },
      {
        version: "2.0.1",
        description: "Rebuild for the new CloudWatch namespace.",
        components: [
          HARDEN_RHEL,
          SSM,
          ["cloudwatch-agent-linux", { MetricsNamespace: "Analytics/Spark" }],
          java("temurin"),
        ],
        builds: [OK],
      },
      {
        version: "2.1.0",
        description: "Corretto instead of Temurin.",
        components: [
          HARDEN_RHEL,
          SSM,
          ["cloudwatch-agent-linux", { MetricsNamespace: "Analytics/Spark" }],
          java("corretto"),
        ],
        builds: [
          {
            failed: "BUILDING",
            step: "InstallJava",
            component: "openjdk-17-runtime",
          },
          OK,
        ],
      },
      {
        version: "2.2.0",
        description: "OS updates; nginx for the history server UI.",
        components: [
          HARDEN_RHEL,
          UPDATE,
          SSM,
          ["cloudwatch-agent-linux", { MetricsNamespace: "Analytics/Spark" }],
          java("corretto"),
          nginx("spark-history.analytics.internal", "18080"),
        ],
        builds: [OK],
      },
    ],
  },
  {
    name: "analytics-notebook",
    team: "analytics",
    golden: "ubuntu-22-04",
    startDaysAgo: 200,
    endDaysAgo: 33,
    versions: [
      {
        version: "1.0.0",
        description: "Notebook host with Java and Node.js kernels.",
        components: [HARDEN_DEB, SSM, java("temurin"), node("18")],
        builds: [OK],
      },
      {
        version: "1.1.0",
        description: "OS updates at build time.",
        components: [HARDEN_DEB, UPDATE, SSM, java("temurin"), node("18")],
        builds: [OK],
      },
      {
        version: "1.2.0",
        description: "JupyterHub behind nginx; drops the Node.js kernel.",
        components: [
          HARDEN_DEB,
          UPDATE,
          SSM,
          CW,
          java("temurin"),
          nginx("notebooks.analytics.internal", "443"),
        ],
        builds: [OK],
      },
    ],
  },
  {
    name: "analytics-reporting-iis",
    team: "analytics",
    golden: "windows-server-2022",
    startDaysAgo: 230,
    endDaysAgo: 16,
    versions: [
      {
        version: "1.0.0",
        description: "Reporting portal on IIS.",
        components: [
          ["ccoe-hardening-windows"],
          [
            "cloudwatch-agent-windows",
            { MetricsNamespace: "Analytics/Reporting" },
          ],
          ["iis-web-server"],
          ["reboot-test-windows"],
        ],
        builds: [OK],
      },
      {
        version: "1.0.1",
        description: "Rebuild.",
        components: [
          ["ccoe-hardening-windows"],
          [
            "cloudwatch-agent-windows",
            { MetricsNamespace: "Analytics/Reporting" },
          ],
          ["iis-web-server"],
          ["reboot-test-windows"],
        ],
        builds: [
          {
            failed: "TESTING",
            step: "RequestDefaultSite",
            component: "iis-web-server",
          },
          OK,
        ],
      },
      {
        version: "1.1.0",
        description: "Metrics under the new reporting namespace.",
        components: [
          ["ccoe-hardening-windows"],
          [
            "cloudwatch-agent-windows",
            { MetricsNamespace: "Analytics/Reports" },
          ],
          ["iis-web-server"],
          ["reboot-test-windows"],
        ],
        builds: [OK],
      },
    ],
  },
  {
    name: "analytics-etl-bionic",
    team: "analytics",
    golden: "ubuntu-18-04",
    startDaysAgo: 265,
    endDaysAgo: 120,
    versions: [
      {
        version: "0.9.0",
        description: "Legacy ETL host from the old bakery.",
        components: [HARDEN_DEB, SSM, java("temurin")],
        builds: [OK],
      },
      {
        version: "0.9.1",
        description: "OS updates at build time.",
        components: [HARDEN_DEB, UPDATE, SSM, java("temurin")],
        builds: [OK],
      },
      {
        version: "0.9.2",
        description: "Last build before the move to Ubuntu 22.04.",
        components: [HARDEN_DEB, UPDATE, SSM, CW, java("temurin")],
        builds: [OK],
      },
    ],
  },
  {
    name: "ccoe-bastion",
    team: "ccoe",
    golden: "amazon-linux-2023",
    startDaysAgo: 250,
    endDaysAgo: 9,
    versions: [
      {
        version: "1.0.0",
        description: "SSM-only bastion.",
        components: [
          ["ccoe-hardening-rhel", { SshMaxAuthTries: "3" }],
          UPDATE,
          SSM,
          REBOOT,
        ],
        builds: [OK],
      },
      {
        version: "1.0.1",
        description: "Monthly rebuild.",
        components: [
          ["ccoe-hardening-rhel", { SshMaxAuthTries: "3" }],
          UPDATE,
          SSM,
          REBOOT,
        ],
        builds: [OK],
      },
      {
        version: "1.1.0",
        description: "CloudWatch agent for session metrics.",
        components: [
          ["ccoe-hardening-rhel", { SshMaxAuthTries: "3" }],
          UPDATE,
          SSM,
          CW,
          REBOOT,
        ],
        builds: [OK, OK],
      },
    ],
  },
  {
    name: "ccoe-base-rhel9",
    team: "ccoe",
    golden: "rhel-9",
    startDaysAgo: 215,
    endDaysAgo: 26,
    versions: [
      {
        version: "1.0.0",
        description: "Reference RHEL 9 build of the baseline.",
        components: [HARDEN_RHEL, SSM, CW, REBOOT],
        builds: [OK],
      },
      {
        version: "1.1.0",
        description: "OS updates at build time.",
        components: [HARDEN_RHEL, UPDATE, SSM, CW, REBOOT],
        builds: [OK],
      },
      {
        version: "1.1.1",
        description: "Password age down to 60 days.",
        components: [
          ["ccoe-hardening-rhel", { PasswordMaxDays: "60" }],
          UPDATE,
          SSM,
          CW,
          REBOOT,
        ],
        builds: [OK],
      },
    ],
  },
];
