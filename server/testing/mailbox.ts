import { and, desc, eq, gte, like } from "drizzle-orm";
import { getDb } from "../../db/client";
import { mailOutbox } from "../../db/schema";

/**
 * The outbox as a mailbox for tests (no SMTP_URL in tests, so mail lands in the outbox table). Mail is sent after
 * the response (server/mail/mailer.ts), so this waits for it to arrive.
 */
export async function waitForMail(to: string, subject: string, since: Date = new Date(0), timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await getDb()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, to), like(mailOutbox.subject, `%${subject}%`), gte(mailOutbox.createdAt, since)))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about "${subject}" within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The token of the link in a mail's text (links carry it in the fragment: `#token=…`). */
export function linkTokenIn(text: string): string {
  const m = /#token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error("the mail holds no link with a token");
  return m[1]!;
}
