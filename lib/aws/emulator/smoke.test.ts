import { describe, expect, it, vi } from "vitest";
import { CreateComponentCommand } from "@aws-sdk/client-imagebuilder";

vi.mock("./package-effects", async () => ({
  packageEffects: (await import("./test-support")).packageEffectsStandIn,
}));
vi.mock("./findings", async () => ({
  findingsForImage: (await import("./test-support")).findingsStandIn,
}));

import { bashDocument, harness } from "./test-support";

describe("smoke", () => {
  it("creates", async () => {
    const h = harness();
    const out = await h.imagebuilder.send(new CreateComponentCommand({
      name: "Demo_Comp", semanticVersion: "1.0.0", platform: "Linux",
      data: bashDocument([{ phase: "build", name: "s", command: "echo hi" }]),
    }));
    console.log(out);
  });
});
