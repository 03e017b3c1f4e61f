import type { NetworkFailureKind } from "../errors";

/**
 * A Node network error code as a kind the retry decision understands. Permanent: the name does not exist
 * (ENOTFOUND, ENODATA) or nothing listens there (ECONNREFUSED). Transient: the DNS server did not answer now
 * (EAI_AGAIN), the connection was reset or hung up, or it timed out. TLS failures (a bad certificate) repeat.
 */
export function networkFailureKind(code: string | undefined): NetworkFailureKind {
  switch (code) {
    case "ENOTFOUND":
    case "ENODATA":
      return "dns_not_found";
    case "EAI_AGAIN":
    case "ESERVFAIL":
      return "dns_temporary";
    case "ECONNREFUSED":
      return "refused";
    case "ECONNRESET":
    case "EPIPE":
    case "ECONNABORTED":
    case "UND_ERR_SOCKET":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ENETDOWN":
      return "reset";
    case "ETIMEDOUT":
    case "ESOCKETTIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return "timeout";
    default:
      if (code?.startsWith("ERR_TLS") || code?.startsWith("CERT_") || code?.includes("SSL") || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || code === "SELF_SIGNED_CERT_IN_CHAIN" || code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE") return "tls";
      return "other";
  }
}
