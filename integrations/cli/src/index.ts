export { buildPackage, BuildError, type BuildResult } from "./build";
export { validateTarget, ValidationError } from "./validate";
export { main } from "./main";
