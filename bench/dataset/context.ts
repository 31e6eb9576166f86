import { createHash } from 'node:crypto';
import { SeededRandom } from '../../src/main/demo/random';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import type { RawDatabase } from '../../src/main/store/open-database';
import type { EpisodeStatus } from '../../src/shared/domain/referral';
import type { Scale } from './scale';

/**
 * What every generator stage is given, and the facts earlier stages leave for later ones (which
 * episodes reached acceptance, which services exist, which goals each plan has).
 */
export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
}

export interface PersonFact {
  id: string;
  index: number;
}

export interface EpisodeFact {
  id: string;
  personId: string;
  workerId: string;
  receivedOn: string;
  status: EpisodeStatus;
  closedOn: string | null;
  /** The date of the contact where the person accepted social prescribing, or null. */
  acceptedOn: string | null;
}

export interface PlanFact {
  episodeId: string;
  goalIds: string[];
}

export interface GeneratorContext {
  raw: RawDatabase;
  /** The admin, signed in with the generator's fixed clock, for stages that go through the router. */
  session: WorkspaceSession;
  scale: Scale;
  seed: number;
  /** The dataset's "today" (the measurements' session clock uses the same day). */
  today: string;
  staff: { admin: StaffMember; workers: StaffMember[]; supervisors: StaffMember[] };
  people: PersonFact[];
  episodes: EpisodeFact[];
  serviceIds: string[];
  plans: PlanFact[];
}

/** Counts of the rows a stage wrote, by table. */
export type StageCounts = Record<string, number>;

export interface GeneratorStage {
  name: string;
  /** Why the stage cannot run yet (its tables are not built), or null when it can. */
  pending?(raw: RawDatabase): string | null;
  run(context: GeneratorContext): Promise<StageCounts> | StageCounts;
}

/**
 * A random stream of its own for each stage, so adding a stage (outcomes, supervision) leaves the
 * data every other stage makes exactly as it was.
 */
export function streamFor(seed: number, stage: string): SeededRandom {
  const digest = createHash('sha256').update(`${seed}:${stage}`).digest();
  return new SeededRandom(digest.readUInt32LE(0));
}

/** A version 4 UUID drawn from the seeded stream, so ids are the same on every build. */
export function seededUuid(random: SeededRandom): string {
  const hex = (n: number) => Math.floor(random.next() * 16 ** n).toString(16).padStart(n, '0');
  const variant = '89ab'[Math.floor(random.next() * 4)]!;
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(8)}${hex(4)}`;
}

export function tableExists(raw: RawDatabase, table: string): boolean {
  return raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/**
 * Writes every item in one transaction. With the generator's bulk-load settings (no journal, a
 * large cache) each page is then encrypted and written once at the end; commits every few
 * thousand rows re-encrypted the same index pages over and over.
 */
export function inOneTransaction<T>(raw: RawDatabase, items: readonly T[], write: (item: T, index: number) => void): void {
  raw.transaction(() => items.forEach(write))();
}
