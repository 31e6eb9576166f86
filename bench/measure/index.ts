import { activityReport } from './activity-report';
import { caseloadPage } from './caseload';
import { codingQueue } from './coding-queue';
import type { Measurement } from './context';
import { personRecord } from './person-record';
import { search } from './search';

/**
 * Every operation measured against a hand-written SQL baseline, in report order. (The
 * pseudonymised export and unlock need a worker thread and a locked session: run.ts measures them.)
 */
export const MEASUREMENTS: readonly Measurement[] = [caseloadPage, personRecord, search, codingQueue, activityReport];
