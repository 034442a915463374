import Link from "next/link";
import { signOut } from "@/lib/actions/sign-out";
import { Button } from "../ui/button";

const LINKS = [
  { href: "/", label: "Studio" },
  { href: "/gallery", label: "Gallery" },
  { href: "/usage", label: "Usage" },
  { href: "/settings", label: "Settings" },
];

/** The top bar of every signed-in page. */
export function AppHeader({ email }: { email: string | null }) {
  return (
    <header className="sticky top-0 z-30 border-b border-neutral-800 bg-neutral-950">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
        <Link href="/" className="text-base font-semibold tracking-tight text-neutral-50">
          Dailies
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {LINKS.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              className="rounded-md px-2.5 py-1.5 text-sm text-neutral-300 hover:bg-neutral-800 hover:text-neutral-50 focus-visible:outline-2 focus-visible:outline-violet-400"
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {email && <span className="hidden text-xs text-neutral-400 sm:inline">{email}</span>}
          <form action={signOut}>
            <Button type="submit" variant="ghost" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
