import { CreateApiToken } from "./create-api-token";
import { RevokeApiTokenButton } from "./revoke-api-token-button";
import { SettingsList, SettingsListRow, SettingsTime as Time } from "./settings-list";
import { SettingsSection } from "./settings-section";

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Personal tokens for scripts: create, see which is which, revoke; and how to call the API with one. */
export function ApiTokensSection({ tokens, origin }: { tokens: ApiTokenRow[]; origin: string }) {
  const list = `curl -H "Authorization: Bearer $DAILIES_TOKEN" ${origin}/api/jobs`;
  const create =
    `curl -H "Authorization: Bearer $DAILIES_TOKEN" -H "Content-Type: application/json" \\\n` +
    `  -d '{"model":"local:preview","prompt":"a lighthouse at dusk, slow dolly in","durationSeconds":5}' \\\n` +
    `  ${origin}/api/jobs`;
  return (
    <SettingsSection
      id="api-tokens-title"
      title="API tokens"
      intro="A token lets a script use the JSON API as you. Treat it like a password; revoke it when it is no longer needed."
    >
      <CreateApiToken />
      {tokens.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-500">No tokens yet.</p>
      ) : (
        <SettingsList label="Your API tokens" className="mt-4">
          {tokens.map((t) => (
            <SettingsListRow key={t.id}>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-neutral-100">{t.name}</p>
                <p className="text-xs text-neutral-400">
                  <code className="font-mono text-neutral-300">{t.prefix}…</code> · created <Time at={t.createdAt} /> ·{" "}
                  {t.lastUsedAt ? (
                    <>
                      last used <Time at={t.lastUsedAt} />
                    </>
                  ) : (
                    "never used"
                  )}
                </p>
              </div>
              <RevokeApiTokenButton id={t.id} name={t.name} />
            </SettingsListRow>
          ))}
        </SettingsList>
      )}
      <div className="mt-5">
        <h3 className="text-sm font-medium text-neutral-200">Use a token</h3>
        <p className="mt-1 text-xs text-neutral-400">Send it as a bearer token. List your videos:</p>
        <pre tabIndex={0} aria-label="Example: list your videos" className="mt-2 overflow-x-auto rounded-md bg-neutral-950 p-3 font-mono text-xs text-neutral-200 focus-visible:outline-2 focus-visible:outline-violet-400">{list}</pre>
        <p className="mt-3 text-xs text-neutral-400">Start one (poll its status at /api/jobs/&lt;id&gt;):</p>
        <pre tabIndex={0} aria-label="Example: start a video" className="mt-2 overflow-x-auto rounded-md bg-neutral-950 p-3 font-mono text-xs text-neutral-200 focus-visible:outline-2 focus-visible:outline-violet-400">{create}</pre>
        <p className="mt-3 text-xs text-neutral-400">
          Everything else the API does is in the{" "}
          <a href="/docs/api" className="underline decoration-neutral-600 hover:text-white">
            API reference
          </a>
          .
        </p>
      </div>
    </SettingsSection>
  );
}
