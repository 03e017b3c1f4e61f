import { z } from "zod";

// A short list of the passwords breach corpora show most; length alone does not stop these.
const COMMON = new Set([
  "password", "password1", "password12", "password123", "passw0rd", "1234567890", "12345678910", "qwertyuiop",
  "qwerty123456", "iloveyou12", "letmein123", "welcome123", "admin12345", "abcdefghij", "1q2w3e4r5t", "football12",
  "monkey1234", "dragon1234", "baseball12", "superman12", "trustno1234", "sunshine12", "princess12", "0987654321",
]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address, like ada@example.com"));

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .refine((p) => !COMMON.has(p.toLowerCase()), "This password is too common; choose another")
  .refine((p) => new Set(p).size >= 5, "Use a mix of more different characters");

export const nameSchema = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const signUpInput = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type SignUpInput = z.infer<typeof signUpInput>;

/** The token of an emailed link (reset, invitation), as server/auth/tokens.ts makes them. */
export const linkTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is incomplete or damaged. Open it again from the mail, or ask for a new one.");
