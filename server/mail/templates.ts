import { withArticle, type Role } from "../workspaces/roles";
import { renderMail, type Mail } from "./render";

// The mails Junction sends, one function each. They say why the mail came and what to do if it was not expected.
const IGNORE = "If you did not expect this mail, you can ignore it.";

export function passwordResetMail(to: string, p: { name: string; url: string; minutes: number }): Mail {
  return renderMail(to, {
    subject: "Reset your Junction password",
    paragraphs: [
      `Hi ${p.name},`,
      `Someone (hopefully you) asked to reset the password of your Junction account. The link works once, for ${p.minutes} minutes.`,
    ],
    action: { label: "Choose a new password", url: p.url },
    footer: `${IGNORE} Your password stays as it is until you choose a new one.`,
  });
}

export function passwordChangedMail(to: string, p: { name: string; url: string }): Mail {
  return renderMail(to, {
    subject: "Your Junction password was changed",
    paragraphs: [`Hi ${p.name},`, "The password of your Junction account was just changed."],
    action: { label: "Not you? Reset your password", url: p.url },
    footer: "If you changed it yourself, there is nothing to do.",
  });
}

export function invitationMail(to: string, p: { inviter: string; workspace: string; role: Role; url: string; days: number }): Mail {
  return renderMail(to, {
    subject: `${p.inviter} invited you to ${p.workspace} on Junction`,
    paragraphs: [
      `${p.inviter} invited you to join the workspace “${p.workspace}” on Junction as ${withArticle(p.role)}.`,
      `Open the invitation to accept or decline it. It expires in ${p.days} days. If you have no Junction account yet, you can create one with this address from there.`,
    ],
    action: { label: "Open the invitation", url: p.url },
    footer: IGNORE,
  });
}
