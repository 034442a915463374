"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { createShareLinkAction, listShareLinksAction, revokeShareLinkAction, type ShareLinkJson } from "@/lib/actions/share-links";
import { Button } from "../ui/button";
import { Field, Select } from "../ui/field";
import { useToast } from "../ui/toaster";
import { actionValue, useRunAction } from "../ui/use-run-action";
import { ShareLinkRow } from "./share-link-row";

const EXPIRY = [
  { value: "", label: "Never" },
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
] as const;

const linksKey = (jobId: string) => ["share-links", jobId] as const;

/** Public links to one finished video: create (optionally expiring), copy, revoke. */
export function SharePanel({ jobId, canShare }: { jobId: string; canShare: boolean }) {
  const id = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [expires, setExpires] = useState("");
  const [allowDownload, setAllowDownload] = useState(true);
  const [createError, setCreateError] = useState<string>();
  const { busy, run } = useRunAction<"create" | `revoke:${string}`>();

  const links = useQuery({
    queryKey: linksKey(jobId),
    queryFn: async () => actionValue(await listShareLinksAction(jobId)),
    enabled: canShare,
  });
  const setLinks = (update: (all: ShareLinkJson[]) => ShareLinkJson[]) =>
    queryClient.setQueryData<ShareLinkJson[]>(linksKey(jobId), (all) => update(all ?? []));

  // One request at a time: `busy` names only one.
  async function create() {
    if (busy) return;
    setCreateError(undefined);
    const done = await run(
      "create",
      async () => {
        // A list request still in flight would otherwise land after the new link and hide it.
        await queryClient.cancelQueries({ queryKey: linksKey(jobId) });
        return createShareLinkAction(jobId, expires ? Number(expires) : null, allowDownload);
      },
      { toastFailure: false },
    );
    if (!done.ok) return setCreateError(done.error);
    const link = done.value;
    setLinks((all) => [link, ...all.filter((l) => l.token !== link.token)]);
  }

  async function revoke(token: string) {
    if (busy) return;
    const done = await run(`revoke:${token}`, () => revokeShareLinkAction(token));
    if (!done.ok) return;
    setLinks((all) => all.filter((l) => l.token !== token));
    toast("Link revoked", "success");
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-neutral-800 bg-neutral-900/40 p-4">
      <h2 id={`${id}-title`} className="text-base font-semibold text-neutral-50">
        Share
      </h2>
      {!canShare ? (
        <p className="mt-1 text-sm text-neutral-400">You can share a video once it has finished.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-neutral-400">Anyone with a link can watch this video without signing in. Revoke a link to stop it at once.</p>
          <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field id={`${id}-expires`} label="Link expires" className="sm:w-40">
              <Select id={`${id}-expires`} value={expires} onChange={(e) => setExpires(e.target.value)}>
                {EXPIRY.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            <label className="flex h-11 items-center gap-2 text-sm text-neutral-200">
              <input
                type="checkbox"
                checked={allowDownload}
                onChange={(e) => setAllowDownload(e.target.checked)}
                className="size-4 accent-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400"
              />
              Allow download
            </label>
            <Button variant="primary" busy={busy === "create"} onClick={create}>
              {busy === "create" ? "Creating…" : "Create share link"}
            </Button>
          </div>
          {createError && (
            <p role="alert" className="mt-2 text-sm text-red-400">
              {createError}
            </p>
          )}
          {links.isError && (
            <p role="alert" className="mt-3 text-sm text-red-400">
              Could not load this video&apos;s links: {links.error.message}
            </p>
          )}
          {links.isPending && <p className="mt-3 text-sm text-neutral-500">Loading links…</p>}
          {links.data && links.data.length > 0 && (
            <ul aria-label="Live links" className="mt-4 flex flex-col gap-2">
              {links.data.map((link) => (
                <ShareLinkRow
                  key={link.token}
                  link={link}
                  revoking={busy === `revoke:${link.token}`}
                  onRevoke={() => revoke(link.token)}
                />
              ))}
            </ul>
          )}
          {links.data?.length === 0 && <p className="mt-3 text-sm text-neutral-500">No active links.</p>}
        </>
      )}
    </section>
  );
}
