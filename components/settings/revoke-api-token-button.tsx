"use client";
import { useTransition } from "react";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";

/** Revokes one token; scripts using it get 401 from the next call. The list refreshes from the server. */
export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  return (
    <Button
      size="sm"
      variant="ghost"
      className="text-red-300"
      disabled={pending}
      title={`Revoke “${name}”`}
      onClick={() =>
        startTransition(async () => {
          const result = await revokeApiTokenAction(id);
          toast(result.ok ? `Token “${name}” revoked` : result.error, result.ok ? "success" : "error");
        })
      }
    >
      Revoke
    </Button>
  );
}
