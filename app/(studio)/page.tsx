import { requirePageViewer } from "@/lib/auth/require-page-viewer";

export const dynamic = "force-dynamic";

/** Studio home: the composer and recent jobs. */
export default async function StudioPage() {
  await requirePageViewer("/");
  return <main className="mx-auto max-w-7xl p-4">Composer coming.</main>;
}
