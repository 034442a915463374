"use client";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

/** Revokes one token; scripts using it get 401 from the next call. The list refreshes from the server. */
export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  const { busy, run } = useRunAction<"revoke">();
  const toast = useToast();

  async function revoke() {
    const result = await run("revoke", () => revokeApiTokenAction(id));
    if (result.ok) toast(`Token “${name}” revoked`, "success");
  }

  return (
    <Button size="sm" variant="ghost" className="text-red-300" busy={busy === "revoke"} title={`Revoke “${name}”`} onClick={revoke}>
      Revoke
    </Button>
  );
}
