import "server-only";

import nodemailer, { type Transporter } from "nodemailer";

import { mailSettings } from "../env";

declare global {
  var __portalMailer: { key: string; transport: Transporter } | undefined;
}

/** The SMTP transport, or null when no SMTP server is configured. */
export function mailTransport(): { transport: Transporter; from: string } | null {
  const settings = mailSettings();
  if (!settings) return null;

  const key = JSON.stringify(settings);
  if (globalThis.__portalMailer?.key !== key) {
    const { from: _from, ...options } = settings;
    const transport =
      "url" in options
        ? nodemailer.createTransport(options.url)
        : nodemailer.createTransport(options);
    globalThis.__portalMailer = { key, transport };
  }

  return { transport: globalThis.__portalMailer.transport, from: settings.from };
}
