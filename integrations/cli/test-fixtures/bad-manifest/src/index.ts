import { defineIntegration } from "@junction/sdk";

// An invalid manifest (version is not semver): the build must list the problem.
export default defineIntegration({ id: "bad-manifest", name: "Bad", version: "1.0", author: "Tests", description: "Test package" });
