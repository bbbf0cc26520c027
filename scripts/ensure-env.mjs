// Writes .env.local with a random NEXTAUTH_SECRET the first time setup runs.
import { randomBytes } from "node:crypto";
import fs from "node:fs";

const file = ".env.local";
if (fs.existsSync(file)) {
  console.log(`${file} exists; leaving it as it is`);
} else {
  const lines = [
    `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`,
    "NEXTAUTH_URL=http://127.0.0.1:3000",
    "NEXT_TELEMETRY_DISABLED=1",
    // The local emulator plays EventBridge and posts build events here.
    "AWS_EMULATOR_EVENTS_URL=http://127.0.0.1:3000/api/events",
    `PORTAL_EVENTS_SECRET=${randomBytes(24).toString("base64url")}`,
    "",
  ];
  fs.writeFileSync(file, lines.join("\n"), { mode: 0o600 });
  console.log(`wrote ${file}`);
}
