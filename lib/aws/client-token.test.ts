import { expect, test } from "vitest";

import { clientToken, stableJson } from "./client-token";

test("the token ignores key order and undefined members", () => {
  const a = clientToken("CreateImage", { b: 1, a: { y: [1, 2], x: undefined } });
  const b = clientToken("CreateImage", { a: { y: [1, 2] }, b: 1 });

  expect(a).toBe(b);
  expect(a).toMatch(/^[0-9a-f]{32}$/);
});

test("different operations or inputs give different tokens", () => {
  const input = { name: "r", semanticVersion: "1.0.0" };

  expect(clientToken("CreateImage", input)).not.toBe(
    clientToken("CreateImageRecipe", input),
  );
  expect(clientToken("CreateImage", input)).not.toBe(
    clientToken("CreateImage", { ...input, semanticVersion: "1.0.1" }),
  );
  expect(stableJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
});
