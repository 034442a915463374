import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, linkClass } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { signupOpen } from "@/lib/auth/instance";
import { currentViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create account", robots: { index: false, follow: false } };

/** Creates the owner account on a fresh studio; later accounts only while the owner keeps sign-up open. */
export default async function SignUpPage() {
  if (await currentViewer()) redirect("/");
  const { open, firstAccount } = await signupOpen(await db());
  const signInLink = (
    <Link href="/sign-in" className={linkClass}>
      Sign in
    </Link>
  );

  if (!open)
    return (
      <AuthCard title="Sign-up is closed" footer={<>Already have an account? {signInLink}</>}>
        <p className="text-sm text-neutral-300">
          Sign-up is closed on this studio. Ask its owner to open it in their settings, then come back to this page.
        </p>
      </AuthCard>
    );

  return (
    <AuthCard
      title={firstAccount ? "Welcome to Dailies" : "Create your account"}
      intro={
        firstAccount
          ? "Create the owner account for this studio. You decide later who else may sign up."
          : "Your videos stay private to you until you share a link."
      }
      footer={firstAccount ? undefined : <>Already have an account? {signInLink}</>}
    >
      <SignUpForm />
    </AuthCard>
  );
}
