"use client";
import { useId, useRef } from "react";
import type { ShareLinkJson } from "@/lib/actions/share-links";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { controlClass } from "../ui/field";
import { useCopy } from "./use-copy";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One live link: the URL to copy, when it stops working, and a way to stop it now. */
export function ShareLinkRow({ link, revoking, onRevoke }: { link: ShareLinkJson; revoking: boolean; onRevoke: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const copyLink = useCopy("Link");

  const copy = () => copyLink(link.url, input.current);

  return (
    <li className="flex flex-col gap-1.5 rounded-lg border border-neutral-800 bg-neutral-950/60 p-3">
      <label htmlFor={id} className="text-xs font-medium text-neutral-300">
        Share link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          readOnly
          value={link.url}
          onFocus={(e) => e.currentTarget.select()}
          className={cn(controlClass, "min-w-0 flex-1 font-mono text-xs")}
        />
        <div className="flex gap-2">
          <Button size="sm" className="h-9 flex-1 sm:flex-none" onClick={copy}>
            Copy link
          </Button>
          <Button size="sm" variant="ghost" className="h-9 flex-1 text-red-300 sm:flex-none" busy={revoking} onClick={onRevoke}>
            Revoke
          </Button>
        </div>
      </div>
      <p className="text-xs text-neutral-400">
        Created {when.format(new Date(link.createdAt))} ·{" "}
        {link.expiresAt ? `Expires ${when.format(new Date(link.expiresAt))}` : "Never expires"}
        {link.allowDownload ? "" : " · no download"}
      </p>
    </li>
  );
}
