import Link from "next/link";
import { feedModels, modelOption } from "@/lib/providers/catalog";
import { MainNav } from "./main-nav";
import { QueueIndicator, type QueueModel } from "./queue-indicator";

/** What the queue needs of each model: its usual wait and who runs it. */
function queueModels(): QueueModel[] {
  return feedModels().map((m) => ({ id: m.id, typicalLatencySeconds: m.typicalLatencySeconds, providerLabel: modelOption(m.id)?.providerLabel ?? "The provider" }));
}

/** The top bar of every signed-in page: the brand, the navigation (a menu on narrow screens), the queue. */
export function AppHeader({ email }: { email: string | null }) {
  return (
    <header className="sticky top-0 z-30 border-b border-neutral-800 bg-neutral-950">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-4">
        <Link href="/" className="inline-flex h-11 items-center rounded-md text-base font-semibold tracking-tight text-neutral-50 focus-visible:outline-2 focus-visible:outline-violet-400">
          Dailies
        </Link>
        <MainNav email={email}>
          <QueueIndicator models={queueModels()} />
        </MainNav>
      </div>
    </header>
  );
}
