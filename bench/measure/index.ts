import { caseloadPage } from './caseload';
import { codingQueue } from './coding-queue';
import type { Measurement } from './context';
import { personRecord } from './person-record';
import { search } from './search';

/**
 * Every operation measured against a hand-written SQL baseline, in report order. A feature that
 * lands (the activity report, the pseudonymised export) adds one module here; until then
 * run.ts prints its line as not built yet.
 */
export const MEASUREMENTS: readonly Measurement[] = [caseloadPage, personRecord, search, codingQueue];
