import { buttonClass } from "../ui/button";
import { SettingsSection } from "./settings-section";

/** Download everything of one's own: a ZIP of the finished videos and every prompt. */
export function ExportSection() {
  return (
    <SettingsSection id="export-title" title="Your data" intro="Download your finished videos and all your prompts (with their settings) as one ZIP file.">
      <a href="/api/export" download className={buttonClass()}>
        Export videos and prompts
      </a>
    </SettingsSection>
  );
}
