"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { notificationPermission, notifyEnabled, setNotifyEnabled, subscribeNotify } from "../shell/take-notification";

const UNSUPPORTED = "This browser cannot show notifications.";
const BLOCKED = "The browser blocks notifications for this site. Allow them in the site settings, then turn this on again.";

/** Turns the browser notification for finished takes on or off in this browser, asking the browser's permission when turned on. */
export function NotifyToggle() {
  const id = useId();
  // Read from this browser after hydration (the server renders it off).
  const on = useSyncExternalStore(subscribeNotify, () => notifyEnabled() && notificationPermission() === "granted", () => false);
  const unsupported = useSyncExternalStore(subscribeNotify, () => notificationPermission() === "unsupported", () => false);
  const [blocked, setBlocked] = useState(false);
  const note = unsupported ? UNSUPPORTED : blocked ? BLOCKED : null;

  async function change(next: boolean) {
    setBlocked(false);
    if (!next || unsupported) return setNotifyEnabled(false);
    const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission !== "granted") {
      setBlocked(true);
      return setNotifyEnabled(false);
    }
    setNotifyEnabled(true);
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm text-neutral-200">
        <input
          id={id}
          type="checkbox"
          checked={on}
          disabled={unsupported}
          onChange={(e) => void change(e.target.checked)}
          aria-describedby={note ? `${id}-note` : undefined}
          className="size-4 accent-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400"
        />
        Notify me when a take finishes while this tab is in the background
      </label>
      {note && (
        <p id={`${id}-note`} role="status" className="text-xs text-amber-300">
          {note}
        </p>
      )}
    </div>
  );
}
