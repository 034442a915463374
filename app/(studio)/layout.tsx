import { AppHeader } from "@/components/shell/app-header";
import { currentViewer } from "@/lib/auth/viewer";

/**
 * Everything behind sign-in: studio, gallery, job pages, settings. Each page calls
 * requirePageViewer itself, with its own return path, so a signed-out visitor comes back to
 * the page they asked for after signing in; this layout only adds the header.
 */
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const viewer = await currentViewer();
  return (
    <>
      {viewer && <AppHeader email={viewer.email} />}
      {children}
    </>
  );
}
