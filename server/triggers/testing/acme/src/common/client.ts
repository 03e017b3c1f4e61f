import type { HttpClient } from "@junction/sdk";

/** The one Acme client: every request carries the connection's key as a bearer token. */
export function acmeClient(http: HttpClient, baseUrl: string, apiKey: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await http.fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Acme answered ${res.status} to ${method} ${path}: ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  return {
    listOrders: (after: number) => call("GET", `/orders?after=${after}`) as Promise<{ orders: { id: number; total: number; customer: string }[] }>,
    createHook: (url: string, secret: string) => call("POST", "/hooks", { url, secret, events: ["order.shipped"] }) as Promise<{ id: string }>,
    deleteHook: (id: string) => call("DELETE", `/hooks/${id}`),
  };
}
