/**
 * A page's form submitted the way a browser without JavaScript submits it: the hidden
 * `$ACTION_…` fields React renders for a server action, plus ours, posted as multipart. Over
 * node:http so a test can choose the socket's source address (any of 127.0.0.0/8 on Linux), which
 * is what the server sees as the client, and send headers a browser would not (X-Forwarded-For).
 */
import http from "node:http";

export interface FormAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };
const unescape = (s: string) => s.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (e) => ENTITIES[e]!);

/** The hidden server-action fields of the first form on `pagePath`. */
export async function actionFields(baseUrl: string, pagePath: string): Promise<Record<string, string>> {
  const html = await (await fetch(baseUrl + pagePath)).text();
  const fields: Record<string, string> = {};
  for (const tag of html.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (!name?.startsWith("$ACTION")) continue;
    fields[unescape(name)] = unescape(/value="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  if (!Object.keys(fields).length) throw new Error(`no server action form on ${pagePath}`);
  return fields;
}

export async function postForm(
  baseUrl: string,
  pagePath: string,
  fields: Record<string, string>,
  opts: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<FormAnswer> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const encoded = new Request("http://form.invalid", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(pagePath, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        localAddress: opts.localAddress,
        headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(body.length), origin: url.origin, ...opts.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
