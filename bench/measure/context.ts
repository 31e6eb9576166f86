import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import type { RawDatabase } from '../../src/main/store/open-database';
import type { Manifest, StaffAccount } from '../dataset/generate';

/** What every measurement is given. */
export interface BenchContext {
  /** A link worker signed in through the router on the encrypted workspace (the app as it runs). */
  encrypted: WorkspaceSession;
  /** The same link worker on the plain copy: the same services without encryption. */
  plain: WorkspaceSession;
  /** A plain connection of its own for the hand-written SQL baselines. */
  baseline: RawDatabase;
  manifest: Manifest;
  worker: StaffAccount;
  today: string;
  workspaceFolder: string;
  warmup: number;
  runs: number;
}

/** One line of the suite: a service call through the router, and the same result by hand-written SQL. */
export interface Measurement {
  id: string;
  label: string;
  /** What the baseline does, in a few words, for the report. */
  baselineLabel: string;
  /** A guide budget for the operation's own p95, in milliseconds (issue #8), if any. */
  guideP95Ms?: number;
  /** At most this many timed runs per side (and two warm-ups), for operations that take seconds. */
  maxRuns?: number;
  /** Part of the encrypted-vs-plain workload. */
  inEncryptionWorkload?: boolean;
  /** Called once before timing, e.g. to choose inputs from the data. */
  prepare?(context: BenchContext): void | Promise<void>;
  /** How many different inputs the rounds cycle through (each is checked against the baseline). */
  variants(): number;
  service(session: WorkspaceSession, round: number, context: BenchContext): Promise<unknown>;
  baseline(context: BenchContext, round: number): unknown;
  /** A key of the result that both must agree on (ids in order, counts), compared before timing. */
  key(result: unknown): unknown;
}
