import { createTransport, type Transporter } from "nodemailer";
import type { Database } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { env } from "../env";
import { log, type Logger } from "../log";
import { pruneOutbox } from "./outbox";
import type { Mail } from "./render";

let transport: { url: string; transporter: Transporter } | undefined;

function smtp(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: createTransport(url) };
  return transport.transporter;
}

/**
 * Delivers one mail: through SMTP when SMTP_URL is set, else into the outbox table a platform admin reads at
 * /admin/outbox (development installs have no mail server). The only place mail leaves Junction.
 */
export async function sendMail(db: Database, mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    await db.insert(mailOutbox).values(mail);
    await pruneOutbox(db);
    return;
  }
  await smtp(SMTP_URL).sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
}

/**
 * Sends without making the caller wait. Requests that mail only sometimes (a reset for an address that has an
 * account, a sign-up with an address already taken) must take the same time either way, and a slow or absent
 * mail server must not hold a response. Failures are logged by kind only: a mail's body holds a live link.
 */
export function sendInBackground(db: Database, mail: Mail, kind: string, logger: Logger = log): void {
  sendMail(db, mail).then(
    () => logger.info({ mail: kind }, "mail sent"),
    (err: { code?: unknown; responseCode?: unknown; command?: unknown }) =>
      logger.error({ mail: kind, code: err?.code, responseCode: err?.responseCode, command: err?.command }, "mail could not be sent"),
  );
}
