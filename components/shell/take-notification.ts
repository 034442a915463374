/**
 * The optional browser notification when a take finishes while the tab is hidden. Off unless the
 * person turns it on (Settings → Notifications), kept in this browser's localStorage: it is a
 * property of a device, not of the account. The toast still shows either way.
 */
import { promptStart } from "@/lib/jobs/format-job";

export const NOTIFY_KEY = "dailies.notifyWhenHidden";
/** Fired on this window when the toggle changes (the "storage" event covers other tabs). */
const NOTIFY_EVENT = "dailies:notify-changed";

/** For useSyncExternalStore: calls back when the setting changes here or in another tab. */
export function subscribeNotify(onChange: () => void): () => void {
  window.addEventListener(NOTIFY_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(NOTIFY_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export interface NotifyState {
  enabled: boolean;
  hidden: boolean;
  permission: NotificationPermission | "unsupported";
}

/** Only when asked for, allowed by the browser, and the tab is out of sight (a visible tab has the toast). */
export function shouldNotify(s: NotifyState): boolean {
  return s.enabled && s.hidden && s.permission === "granted";
}

export function notifyEnabled(): boolean {
  try {
    return localStorage.getItem(NOTIFY_KEY) === "on";
  } catch {
    return false; // storage blocked: treat as off
  }
}

export function setNotifyEnabled(on: boolean): void {
  try {
    if (on) localStorage.setItem(NOTIFY_KEY, "on");
    else localStorage.removeItem(NOTIFY_KEY);
  } catch {
    // Storage blocked: the toggle simply does not stick.
  }
  window.dispatchEvent(new Event(NOTIFY_EVENT));
}

export function notificationPermission(): NotifyState["permission"] {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Shows "Your video is ready" for a finished take when shouldNotify says so; clicking it brings the tab back, on the take's page. */
export function notifyTakeFinished(job: { id: string; prompt: string }, outcome: "succeeded" | "failed", open: (href: string) => void): void {
  const state = { enabled: notifyEnabled(), hidden: document.visibilityState === "hidden", permission: notificationPermission() };
  if (!shouldNotify(state)) return;
  const n = new Notification(outcome === "succeeded" ? "Your video is ready" : "Your video failed", {
    body: promptStart(job.prompt, 100),
    tag: `dailies-${job.id}`,
  });
  n.onclick = () => {
    window.focus();
    open(`/jobs/${encodeURIComponent(job.id)}`);
    n.close();
  };
}
