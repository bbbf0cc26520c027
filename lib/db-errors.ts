import { Prisma } from "./generated/prisma/client";

/**
 * A unique-key clash, however it surfaces: Prisma maps it to P2002 with
 * the pg adapter, while the PGlite adapter passes the raw driver error
 * (SQLSTATE 23505) through.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return error.code === "P2002";
  }
  const cause = (error as { cause?: { kind?: string; code?: string } })?.cause;

  return (
    cause?.kind === "UniqueConstraintViolation" ||
    (cause?.kind === "postgres" && cause.code === "23505")
  );
}
