import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, linkClass } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetLinkUsable } from "@/lib/admin/accounts";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set a new password", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** Where a one-time link from the owner (Settings → People, or `npm run admin -- reset-password`) leads. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  if (!(await resetLinkUsable(await db(), token)))
    return (
      <AuthCard title="This link no longer works" intro="It has expired or was already used.">
        <p className="text-sm text-neutral-300">
          Ask the owner of this studio for a new one, or{" "}
          <Link href="/sign-in" className={linkClass}>
            sign in
          </Link>
          .
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title="Set a new password" intro="Choose the password you will sign in with. You will be signed out everywhere else.">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
