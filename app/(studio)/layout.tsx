import { AppHeader } from "@/components/shell/app-header";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";

/** Everything behind sign-in: studio, gallery, job pages, settings. */
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  return (
    <>
      <AppHeader email={viewer.email} />
      {children}
    </>
  );
}
