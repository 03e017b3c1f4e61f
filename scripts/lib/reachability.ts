import { Connection } from "@temporalio/client";
import pg from "pg";
import { expected } from "./fail";

/**
 * Checks a user-supplied DATABASE_URL before anything else depends on it. Messages name host:port and the
 * variable, never the URL itself: it carries the password.
 */
export async function checkPostgresUrl(url: string): Promise<void> {
  let where: string;
  try {
    const parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error("protocol");
    where = `${parsed.hostname || "localhost"}:${parsed.port || 5432}`;
  } catch {
    throw expected("DATABASE_URL is not a postgres:// URL. Fix it or unset it to use the embedded Postgres.");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    // Postgres SQLSTATEs are 5 characters (28P01 bad password, 3D000 no such database); node errors are names.
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      throw expected(`Postgres at ${where} (DATABASE_URL) refused us: ${message}.`);
    }
    throw expected(
      `Cannot reach Postgres at ${where} (DATABASE_URL): ${code ?? message}. Start it or unset DATABASE_URL to use the embedded one.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Same for a user-supplied TEMPORAL_ADDRESS: the frontend must answer and know the namespace. */
export async function checkTemporalAddress(address: string, namespace: string): Promise<void> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 5_000 });
  } catch (error) {
    throw expected(
      `Cannot reach Temporal at ${address} (TEMPORAL_ADDRESS): ${(error as Error).message}. Start it or unset TEMPORAL_ADDRESS to use the dev server.`,
    );
  }
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (error) {
    throw expected(`Temporal at ${address} has no namespace "${namespace}" (TEMPORAL_NAMESPACE): ${(error as Error).message}.`);
  } finally {
    await connection.close().catch(() => {});
  }
}
