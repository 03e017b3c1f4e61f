import { defineAction } from "@junction/sdk";
import { z } from "zod";

/** The value is not a number, or the locale/currency options are not valid. */
export class InvalidNumberError extends Error {
  override name = "InvalidNumberError";
}

export const formatNumber = defineAction({
  key: "format_number",
  name: "Format number",
  description: "Formats a number for people: grouping, decimals, percent or currency, in a locale.",
  input: z.object({
    value: z.union([z.number(), z.string().min(1)]),
    locale: z.string().default("en-US"),
    style: z.enum(["decimal", "percent", "currency"]).default("decimal"),
    currency: z.string().regex(/^[A-Z]{3}$/, "a 3-letter ISO 4217 code like EUR").optional(),
    minimumFractionDigits: z.number().int().min(0).max(20).optional(),
    maximumFractionDigits: z.number().int().min(0).max(20).optional(),
  }),
  output: z.object({ formatted: z.string() }),
  run({ input }) {
    const n = typeof input.value === "number" ? input.value : Number(input.value);
    if (!Number.isFinite(n)) throw new InvalidNumberError(`"${input.value}" is not a number`);
    if (input.style === "currency" && !input.currency) throw new InvalidNumberError("style currency needs a currency code, e.g. EUR");
    try {
      const { locale, value: _value, ...options } = input;
      return { formatted: new Intl.NumberFormat(locale, options).format(n) };
    } catch (err) {
      throw new InvalidNumberError(`Cannot format with these options: ${(err as Error).message}`);
    }
  },
});
