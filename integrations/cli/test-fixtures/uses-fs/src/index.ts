import { defineIntegration } from "@junction/sdk";
import { helper } from "./helper";

// Imports a Node builtin (through helper.ts): the build must refuse it.
export default defineIntegration({ id: "uses-fs", name: "Uses fs", version: "0.1.0", author: "Tests", description: helper() });
