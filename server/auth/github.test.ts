import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { listMyWorkspaces } from "../workspaces/service";
import { newUser } from "../testing/users";
import { userForGitHub } from "./github";

describe("GitHub sign-in", () => {
  it("creates a user with a personal workspace on first sign-in, and finds the same user by the link later", async () => {
    const first = await userForGitHub(getDb(), { providerAccountId: "gh-101", email: "Octo.Cat@Example.com", name: "Octo Cat" });
    expect(first).not.toBeNull();
    expect(await listMyWorkspaces(getDb(), first!.id)).toEqual([expect.objectContaining({ name: "Octo's workspace", personal: true, role: "owner" })]);
    // GitHub emails can change; the link, not the email, identifies the user from then on.
    const again = await userForGitHub(getDb(), { providerAccountId: "gh-101", email: "new-address@example.com" });
    expect(again).toEqual(first);
  });

  it("links to an existing password account with the same email instead of creating a second user", async () => {
    const u = await newUser("Existing");
    expect(await userForGitHub(getDb(), { providerAccountId: "gh-202", email: u.email.toUpperCase(), name: "Whatever" })).toEqual({ id: u.id });
    expect(await listMyWorkspaces(getDb(), u.id)).toHaveLength(1);
  });

  it("refuses a GitHub account that shares no email", async () => {
    expect(await userForGitHub(getDb(), { providerAccountId: "gh-303", email: null })).toBeNull();
  });
});
