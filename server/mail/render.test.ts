import { describe, expect, it } from "vitest";
import { invitationMail } from "./templates";

describe("mail templates", () => {
  it("say the same in text and HTML, with names users chose escaped in the HTML", () => {
    const mail = invitationMail("ines@example.com", { inviter: "Mallory <b>", workspace: `<img src=x onerror="alert(1)">`, role: "editor", url: "https://junction.example/invite#token=abc&x=1", days: 7 });
    expect(mail.subject).toBe(`Mallory <b> invited you to <img src=x onerror="alert(1)"> on Junction`);
    expect(mail.text).toContain(`Mallory <b> invited you to join the workspace “<img src=x onerror="alert(1)">” on Junction as an editor.`);
    expect(mail.text).toContain("Open the invitation: https://junction.example/invite#token=abc&x=1");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(mail.html).toContain(`href="https://junction.example/invite#token=abc&amp;x=1"`);
  });
});
