import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { getServerSession } from "next-auth";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { buildRecipeAction } from "@/lib/actions/build";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { seedDatabase } from "@/prisma/seed-lib";

import { createTestDatabase, type TestDatabase } from "../support/database";

// The session cookie is what a browser would send; everything after it
// (role check, validation, audit) is the real action layer.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const session = vi.mocked(getServerSession);
logger.level = "silent";

describe("the action layer on the server", () => {
  let db: TestDatabase;
  let emulatorDir: string;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    emulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-aws-"));
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      PORTAL_AWS_MODE: "local",
      AWS_EMULATOR_DIR: emulatorDir,
    });
    await seedDatabase(getPrisma(), { demoUsers: true });
  });

  afterAll(async () => {
    await getPrisma().$disconnect();
    globalThis.__portalPrisma = undefined;
    db?.stop();
    fs.rmSync(emulatorDir, { recursive: true, force: true });
  });

  async function signedInAs(email: string | null): Promise<string | null> {
    if (!email) {
      session.mockResolvedValue(null);
      return null;
    }

    const user = await getPrisma().user.findUniqueOrThrow({ where: { email } });
    session.mockResolvedValue({ user: { id: user.id }, expires: "" });

    return user.id;
  }

  async function draft() {
    const golden = await getPrisma().goldenImage.findUniqueOrThrow({
      where: { slug: "amazon-linux-2023" },
    });

    return {
      goldenImageId: golden.id,
      name: "guarded-recipe",
      version: "1.0.0",
      description: "",
      items: [],
    };
  }

  async function refusals(requestId: string) {
    return getPrisma().auditEntry.findMany({
      where: { action: "action.refused", requestId },
    });
  }

  test("security staff are refused and the refusal is audited", async () => {
    const sofia = await signedInAs("sofia@example.com");

    const result = await buildRecipeAction(await draft());

    expect(result).toMatchObject({
      ok: false,
      message: "You do not have permission to do that.",
    });
    if (result.ok) return;
    const [entry] = await refusals(result.requestId);
    expect(entry).toMatchObject({ actorId: sofia, entityId: "buildRecipeAction" });
    expect(await getPrisma().recipe.count()).toBe(0);
  });

  test("a signed-out call is refused before anything runs", async () => {
    await signedInAs(null);

    const result = await buildRecipeAction(await draft());

    expect(result).toMatchObject({
      ok: false,
      message: "Your session has ended. Sign in again.",
    });
    if (result.ok) return;
    const [entry] = await refusals(result.requestId);
    expect(entry.actorId).toBeNull();
  });

  test("bad input gets field errors and an audit entry", async () => {
    await signedInAs("eric@example.com");

    const result = await buildRecipeAction({ ...(await draft()), version: "1" });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toContain("version");
    expect(await refusals(result.requestId)).toHaveLength(1);
    expect(await getPrisma().recipe.count()).toBe(0);
  });
});
