import type { Metadata } from "next";
import Link from "next/link";
import { publicOrigin } from "@/lib/http/public-origin";
import { OPERATIONS, type Operation } from "@/lib/openapi/operations";
import { allModels } from "@/lib/providers/registry";

/** A code block that may be wider than the screen: focusable, so a keyboard can scroll it (WCAG 2.1.1). */
const CODE_BLOCK = "overflow-x-auto rounded-md p-3 font-mono text-xs text-neutral-200 focus-visible:outline-2 focus-visible:outline-violet-400";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API reference" };

const WHO: Record<Operation["who"], string> = {
  viewer: "Your API token or session",
  owner: "The owner's API token or session",
  none: "No sign-in",
  provider: "Called by providers (signed)",
};

const METHOD_STYLE: Record<Operation["method"], string> = {
  get: "bg-sky-500/15 text-sky-300",
  head: "bg-sky-500/15 text-sky-300",
  post: "bg-emerald-500/15 text-emerald-300",
  put: "bg-amber-500/15 text-amber-300",
  delete: "bg-red-500/15 text-red-300",
};

function slug(op: Operation): string {
  return `${op.method}-${op.path}`.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();
}

/** The JSON API, from the same table the OpenAPI document is built from, with curl examples. */
export default async function ApiReferencePage() {
  const origin = await publicOrigin();
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))];
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-6 sm:py-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold text-neutral-50">API reference</h1>
        <p className="text-sm text-neutral-400">
          Send a personal API token from{" "}
          <Link className="underline decoration-neutral-600 hover:text-white" href="/settings">
            Settings → API tokens
          </Link>{" "}
          as <code className="font-mono text-neutral-300">Authorization: Bearer dly_…</code>. Errors are{" "}
          <code className="font-mono text-neutral-300">{"{ error: { code, message, fields? } }"}</code>. The machine-readable version is{" "}
          <a className="underline decoration-neutral-600 hover:text-white" href="/api/openapi.json">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
        <pre tabIndex={0} aria-label="Example: set up your shell" className={`${CODE_BLOCK} bg-neutral-900`}>{`export ORIGIN=${origin}\nexport DAILIES_TOKEN=dly_…`}</pre>
      </header>

      <nav aria-label="Operations" className="rounded-lg border border-neutral-800 p-3 text-sm">
        <ul className="columns-1 gap-6 sm:columns-2">
          {OPERATIONS.map((op) => (
            <li key={slug(op)}>
              <a href={`#${slug(op)}`} className="text-neutral-300 hover:text-white">
                <span className="font-mono text-xs uppercase text-neutral-500">{op.method}</span> {op.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="flex flex-col gap-4">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold text-neutral-100">
            {tag}
          </h2>
          {OPERATIONS.filter((o) => o.tag === tag).map((op) => (
            <article key={slug(op)} id={slug(op)} className="scroll-mt-20 rounded-xl border border-neutral-800 bg-neutral-900/40 p-4">
              <h3 className="flex flex-wrap items-center gap-2 text-sm">
                <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLE[op.method]}`}>{op.method}</span>
                <code className="font-mono text-neutral-100">{op.path}</code>
                <span className="text-neutral-400">— {op.summary}</span>
              </h3>
              {op.description && <p className="mt-2 text-sm text-neutral-300">{op.description}</p>}
              <p className="mt-2 text-xs text-neutral-500">Who: {WHO[op.who]}</p>
              {(op.pathParams || op.queryDescriptions || op.headers) && (
                <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
                  {Object.entries({ ...op.pathParams, ...op.queryDescriptions, ...op.headers }).map(([name, d]) => (
                    <div key={name} className="contents">
                      <dt className="font-mono text-neutral-300">{name}</dt>
                      <dd className="text-neutral-400">{d}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <ul className="mt-3 flex flex-col gap-0.5 text-xs text-neutral-400" aria-label="Answers">
                {Object.entries(op.answers).map(([status, a]) => (
                  <li key={status}>
                    <span className="font-mono text-neutral-200">{status}</span> {a.description}
                    {a.json ? <span className="text-neutral-500"> ({a.json})</span> : null}
                  </li>
                ))}
              </ul>
              {op.curl && <pre tabIndex={0} aria-label={`Example: ${op.summary}`} className={`${CODE_BLOCK} mt-3 bg-neutral-950`}>{op.curl.replaceAll("$ORIGIN", origin)}</pre>}
            </article>
          ))}
        </section>
      ))}

      <section aria-labelledby="models-title" className="flex flex-col gap-3">
        <h2 id="models-title" className="text-lg font-semibold text-neutral-100">
          Models
        </h2>
        <p className="text-sm text-neutral-400">
          What <code className="font-mono">POST /api/jobs</code> takes for each <code className="font-mono">model</code> (the first value of each list is not necessarily the default; unset fields take the model&apos;s defaults).
        </p>
        <div className="overflow-x-auto rounded-lg border border-neutral-800">
          <table className="w-full text-left text-xs">
            <thead className="bg-neutral-900 text-neutral-300">
              <tr>
                <th className="px-2 py-1.5 font-medium">model</th>
                <th className="px-2 py-1.5 font-medium">modes</th>
                <th className="px-2 py-1.5 font-medium">durationSeconds</th>
                <th className="px-2 py-1.5 font-medium">aspectRatio</th>
                <th className="px-2 py-1.5 font-medium">resolution</th>
                <th className="px-2 py-1.5 font-medium">fps</th>
                <th className="px-2 py-1.5 font-medium">seed / negative</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-800 text-neutral-400">
              {allModels().map((m) => (
                <tr key={m.id}>
                  <td className="px-2 py-1.5 font-mono text-neutral-200">{m.id}</td>
                  <td className="px-2 py-1.5">{m.modes.join(", ")}</td>
                  <td className="px-2 py-1.5">{m.durations.join(", ")}</td>
                  <td className="px-2 py-1.5">{m.aspectRatios.join(", ")}</td>
                  <td className="px-2 py-1.5">{m.resolutions.join(", ")}</td>
                  <td className="px-2 py-1.5">{m.fps.join(", ")}</td>
                  <td className="px-2 py-1.5">
                    {m.seed ? "seed" : "–"} / {m.negativePrompt ? "negativePrompt" : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
