"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { createShareLinkAction, listShareLinksAction, revokeShareLinkAction, type ShareLinkJson } from "@/lib/actions/share-links";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "../ui/button";
import { Field, Select } from "../ui/field";
import { useToast } from "../ui/toaster";
import { ShareLinkRow } from "./share-link-row";

const EXPIRY = [
  { value: "", label: "Never" },
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
] as const;

const linksKey = (jobId: string) => ["share-links", jobId] as const;

/** Turns an action's failure into a thrown error, so React Query reports it. */
function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Public links to one finished video: create (optionally expiring), copy, revoke. */
export function SharePanel({ jobId, canShare }: { jobId: string; canShare: boolean }) {
  const id = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [expires, setExpires] = useState("");

  const links = useQuery({
    queryKey: linksKey(jobId),
    queryFn: async () => unwrap(await listShareLinksAction(jobId)),
    enabled: canShare,
  });
  const setLinks = (update: (all: ShareLinkJson[]) => ShareLinkJson[]) =>
    queryClient.setQueryData<ShareLinkJson[]>(linksKey(jobId), (all) => update(all ?? []));

  const create = useMutation({
    mutationFn: async () => unwrap(await createShareLinkAction(jobId, expires ? Number(expires) : null)),
    // A list request still in flight would otherwise land after the new link and hide it.
    onMutate: () => queryClient.cancelQueries({ queryKey: linksKey(jobId) }),
    onSuccess: (link) => setLinks((all) => [link, ...all.filter((l) => l.token !== link.token)]),
  });
  const revoke = useMutation({
    mutationFn: async (token: string) => unwrap(await revokeShareLinkAction(token)),
    onSuccess: (_, token) => {
      setLinks((all) => all.filter((l) => l.token !== token));
      toast("Link revoked", "success");
    },
    onError: (err) => toast(err.message, "error"),
  });

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
            <Button variant="primary" disabled={create.isPending} onClick={() => create.mutate()}>
              {create.isPending ? "Creating…" : "Create share link"}
            </Button>
          </div>
          {create.isError && (
            <p role="alert" className="mt-2 text-sm text-red-400">
              {create.error.message}
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
                  revoking={revoke.isPending && revoke.variables === link.token}
                  onRevoke={() => revoke.mutate(link.token)}
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
