import type { ComponentProps, MouseEvent } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
/** `icon`: a square for a lone icon; its name goes in aria-label. `lg`: 44 px on every screen (Generate). */
type Size = "sm" | "md" | "lg" | "icon";

const BASE =
  "inline-flex items-center justify-center rounded-md font-medium transition-colors disabled:cursor-not-allowed " +
  "aria-disabled:cursor-wait aria-disabled:opacity-60 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400";
const VARIANTS: Record<Variant, string> = {
  primary: "bg-violet-500 text-white hover:bg-violet-600 disabled:bg-violet-500/40",
  secondary: "border border-neutral-700 bg-neutral-900 text-neutral-100 hover:bg-neutral-800 disabled:text-neutral-500",
  ghost: "text-neutral-300 hover:bg-neutral-800 hover:text-neutral-100 disabled:text-neutral-500",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/40",
};
const SIZES: Record<Size, string> = {
  sm: "h-8 px-2.5 text-sm gap-1.5",
  md: "h-10 px-4 text-sm gap-2",
  lg: "h-11 px-5 text-sm gap-2",
  icon: "size-8 text-sm",
};

/** The button's look, for a link that should look like one. */
export function buttonClass({ variant = "secondary", size = "md" }: { variant?: Variant; size?: Size } = {}): string {
  return cn(BASE, VARIANTS[variant], SIZES[size]);
}

const ignorePress = (e: MouseEvent) => e.preventDefault();

/**
 * The one button. Focus is always visible; disabled looks disabled. A `busy` button ignores
 * presses and says so with aria-disabled, but stays focusable: a disabled one would drop
 * keyboard focus to the page.
 */
export function Button({
  variant,
  size,
  busy = false,
  className,
  type = "button",
  onClick,
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size; busy?: boolean }) {
  return (
    <button
      type={type}
      className={cn(buttonClass({ variant, size }), className)}
      aria-disabled={busy || undefined}
      onClick={busy ? ignorePress : onClick}
      {...props}
    />
  );
}
