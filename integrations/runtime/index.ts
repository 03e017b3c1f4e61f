/**
 * @junction/runtime — runs one action of a bundled integration in an isolated-vm isolate, inside a sandbox
 * process, with per-execution limits and a guarded fetch. See README.md in this folder for the bundle format,
 * the ctx the guest sees and what each limit means.
 */
export { createSandboxHost } from "./host";
export { DEFAULT_LIMITS, type Limits } from "./limits";
export {
  SandboxCancelledError,
  SandboxCapabilityError,
  SandboxConfigError,
  SandboxCrashError,
  SandboxError,
  SandboxGuestError,
  SandboxLimitError,
  SandboxNetworkError,
  SandboxProtocolError,
  type LimitName,
  type GuestDeclaration,
  type NetworkFailureKind,
  type NetworkRefusal,
} from "./errors";
export type { ResolvedAddress, Resolver } from "./network/resolve";
export type { Capabilities, ExecuteRequest, LogLevel, RunInfo, SandboxHost, SandboxHostOptions, SandboxResult, Usage } from "./types";
