import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, linkClass } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signupOpen } from "@/lib/auth/instance";
import { currentViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentViewer()) redirect("/");
  const { open, firstAccount } = await signupOpen(await db());
  // A fresh studio has nobody to sign in as: its first visitor creates the owner account.
  if (firstAccount) redirect("/sign-up");
  const next = (await searchParams).next;
  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back to your studio."
      footer={
        open ? (
          <>
            New here?{" "}
            <Link href="/sign-up" className={linkClass}>
              Create an account
            </Link>
          </>
        ) : undefined
      }
    >
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </AuthCard>
  );
}
