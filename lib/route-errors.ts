import "server-only";

/** What a route handler answers bad URL values: each one named, no data. */
export function badRequest(problems: string[]): Response {
  return Response.json(
    { error: "These values cannot be applied.", problems },
    { status: 400 },
  );
}
