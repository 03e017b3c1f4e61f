/** A mail as the templates describe it: one message in paragraphs, at most one button, then a quiet footer. */
export type MailContent = {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
};

export type Mail = { to: string; subject: string; text: string; html: string };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The plain-text and HTML bodies of one mail from the same content, so both always say the same thing. Every value
 * is escaped in the HTML: names and workspace names are chosen by users.
 */
export function renderMail(to: string, c: MailContent): Mail {
  const text = [
    ...c.paragraphs,
    ...(c.action ? [`${c.action.label}: ${c.action.url}`] : []),
    "--",
    c.footer,
  ].join("\n\n");
  const button = c.action
    ? `<p style="margin:24px 0"><a href="${escape(c.action.url)}" style="background:#4f46e5;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${escape(c.action.label)}</a></p>` +
      `<p style="font-size:12px;color:#52525b">Or paste this address into your browser: ${escape(c.action.url)}</p>`
    : "";
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#18181b">` +
    c.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("") +
    button +
    `<hr style="border:none;border-top:1px solid #e4e4e7;margin:24px 0"><p style="font-size:12px;color:#52525b">${escape(c.footer)}</p>` +
    `</body></html>`;
  return { to, subject: c.subject, text, html };
}
