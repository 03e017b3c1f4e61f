import { readFileSync } from "node:fs";

export const helper = () => (typeof readFileSync === "function" ? "reads files" : "no");
