import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CaseloadRow } from '../../src/shared/ipc/casework-schemas';
import type { BenchContext } from './context';
import { callRouter } from './router-call';

/**
 * The main thread's event-loop delay (p99) while a long piece of work runs, as the renderer would
 * feel it: every IPC call waits behind whatever holds the main thread. Until the pseudonymised
 * export (with its worker thread) is on main, the work measured is the largest read the services
 * offer today: paging every referral through caseload.list, 100 at a time. The label says which.
 */
export interface EventLoopResult {
  label: string;
  p99: number;
  max: number;
  seconds: number;
  interim: boolean;
}

export async function measureEventLoop(context: BenchContext, work?: { label: string; run: () => Promise<unknown> }): Promise<EventLoopResult> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const chosen = work ?? {
    label: 'interim, export not built yet: paging all referrals through caseload.list (100 a page, each page a separate request as IPC calls arrive)',
    run: async () => {
      for (let page = 0; ; page += 1) {
        const result = await callRouter<{ rows: CaseloadRow[] }>(context.encrypted, 'caseload.list', { page, pageSize: 100, includeClosed: true });
        if (result.rows.length < 100) break;
        await new Promise((next) => setImmediate(next));
      }
    },
  };
  histogram.enable();
  const started = performance.now();
  try {
    await chosen.run();
    // A timer tick held up by the last stretch of work is only recorded once the loop turns again.
    await new Promise((next) => setTimeout(next, 20));
  } finally {
    histogram.disable();
  }
  return { label: chosen.label, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, seconds: (performance.now() - started) / 1000, interim: !work };
}
