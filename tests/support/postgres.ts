import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// Starts a throw-away PostgreSQL server from the machine's binaries. The
// server refuses to run as root, so as root it runs as the postgres user.

export interface PostgresServer {
  url: string;
  stop: () => void;
}

const BIN_DIRS = ["/usr/local/bin", "/usr/lib/postgresql/15/bin"];

export async function startPostgres(): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pg-"));

  return startPostgresAt(await freePort(), dir);
}

/**
 * A fresh server in `dir` (emptied first) listening on `port`, with extra
 * server settings (`-c name=value`) when given.
 */
export async function startPostgresAt(
  port: number,
  dir: string,
  settings: Record<string, string> = {},
): Promise<PostgresServer> {
  const bin = (name: string) => {
    const found = BIN_DIRS.find((d) => fs.existsSync(path.join(d, name)));
    if (!found) throw new Error(`PostgreSQL binary ${name} not found`);
    return path.join(found, name);
  };
  dir = path.resolve(dir);
  if (fs.existsSync(`${dir}/data/postmaster.pid`)) {
    spawnSync(bin("pg_ctl"), ["-D", `${dir}/data`, "-m", "immediate", "stop"]);
    spawnSync("runuser", [
      "-u", "postgres", "--", bin("pg_ctl"), "-D", `${dir}/data`,
      "-m", "immediate", "stop",
    ]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", command, ...args]]
      : [command, args];
    execFileSync(file, argv, { stdio: "pipe" });
  };
  if (asRoot) execFileSync("chown", ["postgres", dir]);

  run(bin("initdb"), [
    "-D", `${dir}/data`, "-U", "portal", "--auth=trust", "-E", "UTF8",
  ]);
  const extra = Object.entries(settings)
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join("");
  run(bin("pg_ctl"), [
    "-D", `${dir}/data`, "-l", `${dir}/log`, "-w", "start",
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off${extra}`,
  ]);

  return {
    url: `postgresql://portal@127.0.0.1:${port}/postgres`,
    stop: () => {
      const args = ["-D", `${dir}/data`, "-m", "immediate", "stop"];
      if (asRoot) {
        spawnSync("runuser", ["-u", "postgres", "--", bin("pg_ctl"), ...args]);
      } else {
        spawnSync(bin("pg_ctl"), args);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
