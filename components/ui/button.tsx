import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-violet-500 text-white hover:bg-violet-400 disabled:bg-violet-500/40",
  secondary: "border border-neutral-700 bg-neutral-900 text-neutral-100 hover:bg-neutral-800 disabled:text-neutral-500",
  ghost: "text-neutral-300 hover:bg-neutral-800 hover:text-neutral-100 disabled:text-neutral-600",
  danger: "bg-red-600 text-white hover:bg-red-500 disabled:bg-red-600/40",
};
const SIZES: Record<Size, string> = { sm: "h-8 px-2.5 text-sm gap-1.5", md: "h-10 px-4 text-sm gap-2" };

/** The one button. Focus is always visible; disabled looks disabled. */
export function Button({
  variant = "secondary",
  size = "md",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex items-center justify-center rounded-md font-medium transition-colors disabled:cursor-not-allowed",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
