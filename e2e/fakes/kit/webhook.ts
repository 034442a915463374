/** Delivering a fake's webhooks to our server, with a few retries like real senders, recorded for assertions. */
export interface FakeDelivery {
  url: string;
  status: number | null;
  attempt: number;
  body: string;
}

export async function postWebhook(url: string, body: string, headers: Record<string, string> = {}): Promise<number | null> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(10_000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return null;
  }
}

/** Posts until a 2xx or `attempts` tries, pausing between tries; records every try in `log`. */
export async function deliverWithRetries(
  url: string,
  body: string,
  headers: () => Record<string, string>,
  log: FakeDelivery[],
  attempts = 3,
): Promise<number | null> {
  let status: number | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    status = await postWebhook(url, body, headers());
    log.push({ url, status, attempt, body });
    if (status !== null && status >= 200 && status < 300) return status;
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
  return status;
}
