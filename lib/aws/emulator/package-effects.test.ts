import { describe, expect, it } from "vitest";

import { packageEffects } from "./package-effects";

function bash(commands: string[], action = "ExecuteBash"): string {
  const lines = commands.map((c) => `              - ${JSON.stringify(c)}`);

  return [
    "name: test",
    "schemaVersion: 1.0",
    "phases:",
    "  - name: build",
    "    steps:",
    "      - name: Run",
    `        action: ${action}`,
    "        inputs:",
    "            commands:",
    ...lines,
  ].join("\n");
}

describe("packageEffects", () => {
  it("reads yum and dnf installs, ignoring flags and sudo", () => {
    const effects = packageEffects(
      bash(["sudo yum install -y nginx git", "dnf -q install -y python3-pip"]),
    );

    expect(effects).toEqual({
      installs: ["nginx", "git", "python3-pip"],
      updatesOs: false,
    });
  });

  it("reads multi-line apt scripts chained with &&", () => {
    const yaml = `
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: InstallNginx
        action: ExecuteBash
        inputs:
          commands:
            - |
              export DEBIAN_FRONTEND=noninteractive
              sudo apt-get update && \\
                sudo apt-get install -y --no-install-recommends \\
                nginx-core openjdk-17-jre-headless=17.0.2+8-1
              apt install -q ./session-manager-plugin_1.2.0_amd64.deb
`;
    const effects = packageEffects(yaml);

    expect(effects.installs).toEqual([
      "nginx-core",
      "openjdk-17-jre-headless",
      "session-manager-plugin",
    ]);
    expect(effects.updatesOs).toBe(false);
  });

  it("drops versions and extras from pip installs", () => {
    const effects = packageEffects(
      bash([
        "pip3 install requests==2.28.2 'PyYAML>=5.3' jinja2[i18n]",
        "python3 -m pip install --upgrade -r requirements.txt setuptools",
      ]),
    );

    expect(effects.installs).toEqual([
      "requests",
      "pyyaml",
      "jinja2",
      "setuptools",
    ]);
  });

  it("reads npm, amazon-linux-extras, rpm and dpkg installs", () => {
    const effects = packageEffects(
      bash([
        "npm install -g @aws-amplify/cli@12.0.0 yarn",
        "npm install lodash",
        "amazon-linux-extras install -y docker",
        "sudo -u root rpm -Uvh /tmp/amazon-ssm-agent-3.2.0-1.noarch.rpm",
        "dpkg -i /tmp/cloudwatch-agent_1.3_amd64.deb",
      ]),
    );

    expect(effects.installs).toEqual([
      "@aws-amplify/cli",
      "yarn",
      "docker",
      "amazon-ssm-agent",
      "cloudwatch-agent",
    ]);
  });

  it("skips parameter references", () => {
    const effects = packageEffects(
      bash(["yum install -y {{ ExtraPackages }} jq", "yum install {{ X }}"]),
    );

    expect(effects.installs).toEqual(["jq"]);
  });

  it("reads PowerShell installs and Windows updates", () => {
    const effects = packageEffects(
      bash(
        [
          "choco install -y git nodejs-lts --version 20.11.0",
          "Install-WindowsFeature -Name Web-Server -IncludeManagementTools",
          "Install-WindowsUpdate -AcceptAll -IgnoreReboot",
        ],
        "ExecutePowerShell",
      ),
    );

    expect(effects).toEqual({
      installs: ["git", "nodejs-lts", "iis"],
      updatesOs: true,
    });
  });

  it("treats an UpdateOS step as an OS update", () => {
    const yaml = `
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: UpdateOS
        action: UpdateOS
        inputs:
          exclude: [kernel]
`;

    expect(packageEffects(yaml)).toEqual({ installs: [], updatesOs: true });
  });

  it.each([
    "yum update -y",
    "sudo yum -y update",
    "dnf upgrade --refresh -y",
    "apt-get update && apt-get upgrade -y",
    "DEBIAN_FRONTEND=noninteractive apt-get dist-upgrade -y",
  ])("treats `%s` as an OS update", (command) => {
    expect(packageEffects(bash([command])).updatesOs).toBe(true);
  });

  it.each(["apt-get update -y", "yum update -y nginx", "yum check-update"])(
    "does not treat `%s` as an OS update",
    (command) => {
      expect(packageEffects(bash([command])).updatesOs).toBe(false);
    },
  );

  it("ignores commands of other actions", () => {
    const yaml = bash(["yum install -y nginx"], "CreateFile");

    expect(packageEffects(yaml).installs).toEqual([]);
  });

  it.each([
    "phases: [unclosed",
    "",
    "just a string",
    "phases:\n  - name: build\n    steps: 5",
  ])("returns no effects for bad documents (%#)", (yaml) => {
    expect(packageEffects(yaml)).toEqual({ installs: [], updatesOs: false });
  });
});
