"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { signOut } from "@/lib/actions/sign-out";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

const LINKS = [
  { href: "/", label: "Studio" },
  { href: "/gallery", label: "Gallery" },
  { href: "/usage", label: "Usage" },
  { href: "/settings", label: "Settings" },
];

/** The page a link stands for is current on it and below it (a job page belongs to the gallery). */
function isCurrent(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/gallery") return pathname.startsWith("/gallery") || pathname.startsWith("/jobs/");
  return pathname.startsWith(href);
}

const linkClass =
  "inline-flex h-11 items-center rounded-md px-3 text-sm text-neutral-300 hover:bg-neutral-800 hover:text-neutral-50 " +
  "focus-visible:outline-2 focus-visible:outline-violet-400 aria-[current=page]:bg-neutral-800 aria-[current=page]:font-medium aria-[current=page]:text-neutral-50";

/**
 * The links, the current one marked (aria-current and a filled look), and sign-out. On narrow
 * screens they fold into a Menu button so the bar never overflows; `children` (the queue) stays out.
 */
export function MainNav({ email, children }: { email: string | null; children?: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Moving to another page closes the menu (the derived-state pattern: no effect, no flash).
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const links = LINKS.map((l) => (
    <Link key={l.href} href={l.href} aria-current={isCurrent(l.href, pathname) ? "page" : undefined} className={linkClass}>
      {l.label}
    </Link>
  ));
  return (
    <>
      <nav aria-label="Main" className="hidden items-center gap-1 sm:flex">
        {links}
      </nav>
      <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
        {children}
        {email && <span className="hidden truncate text-xs text-neutral-400 lg:inline">{email}</span>}
        <form action={signOut} className="hidden sm:block">
          <Button type="submit" variant="ghost" size="sm" className="h-11">
            Sign out
          </Button>
        </form>
        <Button variant="ghost" size="sm" className="h-11 sm:hidden" aria-expanded={open} aria-controls="main-menu" onClick={() => setOpen((o) => !o)}>
          Menu
        </Button>
      </div>
      {open && (
        <div id="main-menu" className="absolute inset-x-0 top-14 border-b border-neutral-800 bg-neutral-950 px-3 pb-3 sm:hidden">
          <nav aria-label="Main" className="flex flex-col">
            {links}
          </nav>
          {email && <p className="truncate px-3 py-2 text-xs text-neutral-400">{email}</p>}
          <form action={signOut}>
            <Button type="submit" variant="ghost" size="sm" className={cn("h-11 w-full justify-start px-3")}>
              Sign out
            </Button>
          </form>
        </div>
      )}
    </>
  );
}
