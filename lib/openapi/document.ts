/** The OpenAPI 3.1 document of the JSON API, built from the operations table and the zod schemas. */
import { z } from "zod";
import { allModels, DEFAULT_MODEL_ID } from "../providers/registry";
import { componentNameFor, jobRequestSchema } from "./job-requests";
import { OPERATIONS, type Operation } from "./operations";
import { ANSWERS, REQUESTS } from "./schemas";

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Component schemas: answers with cross-references, request bodies on zod's input side, one job body per model. */
function components(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(ANSWERS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: "output", unrepresentable: "any" }) as { schemas: Record<string, Json> };
  const out: Record<string, Json> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    out[id] = rest;
  }
  for (const [id, schema] of Object.entries(REQUESTS)) {
    const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
    out[id] = rest;
  }
  const models = allModels();
  for (const spec of models) out[componentNameFor(spec)] = jobRequestSchema(spec);
  out.JobRequest = {
    description: `One of the models' requests, chosen by \`model\` (${DEFAULT_MODEL_ID} when it is left out). A model whose provider is not configured here answers 422.`,
    oneOf: models.map((m) => ref(componentNameFor(m))),
    discriminator: { propertyName: "model", mapping: Object.fromEntries(models.map((m) => [m.id, `#/components/schemas/${componentNameFor(m)}`])) },
  };
  return out;
}

function parameters(op: Operation): Json[] {
  const params: Json[] = [];
  for (const [name, description] of Object.entries(op.pathParams ?? {})) params.push({ name, in: "path", required: true, description, schema: { type: "string" } });
  if (op.query) {
    const q = z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      params.push({ name, in: "query", required: q.required?.includes(name) ?? false, description: op.queryDescriptions?.[name], schema });
  }
  for (const [name, description] of Object.entries(op.queryDescriptions ?? {}))
    if (!params.some((p) => p.name === name && p.in === "query")) params.push({ name, in: "query", required: false, description, schema: { type: "string" } });
  for (const [name, description] of Object.entries(op.headers ?? {})) params.push({ name, in: "header", required: false, description, schema: { type: "string", maxLength: 255 } });
  return params;
}

function requestBody(op: Operation): Json | undefined {
  if (!op.body) return undefined;
  const content: Json = {};
  if (op.body.json) content["application/json"] = { schema: ref(op.body.json) };
  if (op.body.multipart)
    content["multipart/form-data"] = {
      schema: {
        type: "object",
        description: "The same fields as the JSON body (numbers as decimal digits), plus the image to animate.",
        properties: { image: { type: "string", contentMediaType: "image/*", description: "PNG, JPEG or WebP, at most 10 MB" } },
        additionalProperties: true,
      },
    };
  if (op.body.any) content["application/json"] = { schema: {} };
  return { required: true, content };
}

function operation(op: Operation, origin: string): Json {
  const responses: Json = {};
  for (const [status, a] of Object.entries(op.answers)) {
    const r: Json = { description: a.description };
    if (a.json) r.content = { "application/json": { schema: ref(a.json) } };
    else if (a.media) r.content = { [a.media]: { schema: { type: a.media.includes("json") ? "object" : "string" } } };
    if (a.headers) r.headers = Object.fromEntries(Object.entries(a.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]));
    responses[status] = r;
  }
  const security = op.who === "viewer" || op.who === "owner" ? [{ apiToken: [] }, { session: [] }] : [];
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.who === "owner" ? { "x-dailies-owner-only": true } : {}),
    security,
    parameters: parameters(op),
    ...(requestBody(op) ? { requestBody: requestBody(op) } : {}),
    responses,
    ...(op.curl ? { "x-codeSamples": [{ lang: "curl", label: "curl", source: op.curl.replaceAll("$ORIGIN", origin) }] } : {}),
  };
}

export function openApiDocument(origin: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op, origin);
  return {
    openapi: "3.1.0",
    info: {
      title: "Dailies",
      version: "1",
      description:
        "The JSON API of a Dailies studio. Send a personal API token (Settings → API tokens) as `Authorization: Bearer dly_…`, or use the browser session. Errors are `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: origin }],
    tags: [
      { name: "Jobs", description: "Make videos and follow them" },
      { name: "Outgoing webhooks", description: "Hear about your jobs ending, signed with Standard Webhooks" },
      { name: "Operations", description: "Health, metrics and this document" },
      { name: "Provider settings", description: "The owner's provider keys (Settings → Providers)" },
      { name: "Provider callbacks", description: "Called by video providers, not by scripts" },
    ],
    paths,
    webhooks: {
      jobEnded: {
        post: {
          summary: "A job of yours ended (job.succeeded, job.failed or job.canceled)",
          description:
            "Sent to each of your endpoints subscribed to the event. Headers: webhook-id (the same on every retry), webhook-timestamp (epoch seconds), webhook-signature (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's whsec_ secret). Answer 2xx within 15 s; anything else is retried for 24 hours.",
          requestBody: { required: true, content: { "application/json": { schema: ref("OutgoingWebhookEvent") } } },
          responses: { 200: { description: "Any 2xx means received" } },
        },
      },
    },
    components: {
      schemas: components(),
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "A personal API token, dly_…" },
        session: { type: "apiKey", in: "cookie", name: "dailies.session_token", description: "The browser session (same-origin requests only)" },
      },
    },
  };
}
