/**
 * What a provider brings to the conformance suite: how to start its fake, a model or two,
 * and which of the suite's promises its scheme can keep. Everything else (database, worker,
 * webhook route, the cases) is the suite's.
 */

/** A webhook the fake (re)sends for one job, to the URL it was given at submit. */
export type WebhookVariant =
  /** A delivery of the job as the fake sees it now, signed (or tokened) as the provider does. */
  | "valid"
  /** A body changed after signing (or, for unsigned schemes, a wrong per-job token). */
  | "tampered"
  /** The last valid delivery again, as the provider's retries send it (same event id). */
  | "replay"
  /** Signed with a timestamp outside the scheme's window (only where the scheme has one). */
  | "stale";

export interface ConformanceFake {
  /** Settings that point the adapter at the fake; the suite puts them in the environment. */
  env: Record<string, string>;
  close(): Promise<void>;
  /** Create requests the fake accepted whose body mentions `tag` (every case puts its own tag in the prompt). */
  accepted?(tag: string): number;
  /** Create requests the fake received whose body mentions `tag`, accepted or not. */
  attempts?(tag: string): number;
  /** How many times the output of this provider job was downloaded from the fake. */
  downloads?(providerJobId: string): number;
  /** Whether a cancel for this provider job reached the fake. */
  canceled?(providerJobId: string): boolean;
  /** Sends a webhook for this provider job; resolves with our server's HTTP status (null: unreachable). */
  sendWebhook?(providerJobId: string, variant: WebhookVariant): Promise<number | null>;
}

export interface FakeOptions {
  /** How long `[fake:slow]` keeps a job running (the vocabulary's 60 s, shortened so the suite stays fast). */
  slowMs: number;
}

export interface Capabilities {
  /** The provider reports by webhook to our route (and the fake sends them). */
  webhooks: boolean;
  /** The webhook scheme signs a timestamp, so a stale delivery must be refused. */
  timestampedSignatures: boolean;
  /** `cancel` stops the job at the provider; otherwise Dailies cancels locally and ignores late results. */
  cancelAtProvider: boolean;
  /** While a job runs, the adapter's poll reports real progress (0 < progress < 1). */
  progress: boolean;
  /** The fake implements the `[fake:…]` scenario markers (false only for local, which has no fake). */
  scenarios?: boolean;
  /** The suite's worker-crash case applies (false for local: tested in e2e/local-restart.test.ts instead). */
  resumesAfterWorkerCrash?: boolean;
}

export interface ConformanceTarget {
  /** The provider's id in lib/providers/registry.ts. */
  provider: string;
  /** A text-to-video model id (`<provider>:<model>`). */
  textModel: string;
  /**
   * An image-to-video model id, where the provider has one. A provider that takes images by
   * URL gets `ctx.imageUrl` (PUBLIC_URL is set): its fake should fetch it, and fail the job when it cannot.
   */
  imageModel?: string;
  startFake(opts: FakeOptions): Promise<ConformanceFake>;
  capabilities: Capabilities;
  /** Job fields for every case (e.g. a short, small render), beside the prompt. */
  jobFields?: Record<string, unknown>;
  /** Extra job fields for a job that runs a while, beside the `[fake:slow]` marker (local: a long render). */
  slowJob?: Record<string, unknown>;
}

/** How many recorded entries mention `tag` anywhere in their JSON: the usual way to write `accepted`/`attempts`. */
export function countMentioning(entries: readonly unknown[], tag: string): number {
  return entries.filter((e) => JSON.stringify(e).includes(tag)).length;
}

/** A kit fake's recorded facts, as the suite reads them: what it accepted, every attempt, downloads per job. */
export interface KitFakeRecords {
  env: Record<string, string>;
  close(): Promise<void>;
  submissions: readonly { body: unknown }[];
  attempts: readonly { body: unknown }[];
  downloads(id?: string): number;
}

/** The fake's fields every kit fake fills the same way (submissions and attempts keyed by their JSON body). */
export function kitFakeTarget(fake: KitFakeRecords): ConformanceFake {
  return {
    env: fake.env,
    close: () => fake.close(),
    accepted: (tag) => countMentioning(fake.submissions.map((s) => s.body), tag),
    attempts: (tag) => countMentioning(fake.attempts.map((a) => a.body), tag),
    downloads: (id) => fake.downloads(id),
  };
}
