"use server";

import { revalidatePath } from "next/cache";

import { startBuild } from "../builds/start-build";
import { buildRecipeSchema } from "../validations/recipe";
import { defineAction } from "./safe-action";

export const buildRecipeAction = defineAction(
  {
    name: "buildRecipeAction",
    schema: buildRecipeSchema,
    roles: ["engineer", "admin"],
  },
  async (input, ctx) => {
    const result = await startBuild(input, ctx);
    revalidatePath("/images");
    revalidatePath("/golden");

    return result;
  },
);
