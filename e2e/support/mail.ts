/** The port of the SMTP server the pipeline journeys start themselves. */
export const E2E_SMTP_PORT = Number(
  process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2000,
);

export const E2E_EVENTS_SECRET = "e2e-events-secret";
