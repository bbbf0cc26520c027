import "server-only";

/** What every route handler answers a caller without a session. */
export function signInFirst(): Response {
  return Response.json({ error: "Sign in first." }, { status: 401 });
}
