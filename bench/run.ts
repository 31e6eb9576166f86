import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { WorkspaceSession } from '../src/main/services/workspace-session';
import { copyForRun, loadOrGenerate } from './dataset/cache';
import { fixedClock } from './dataset/generate';
import { isScaleName, SCALES } from './dataset/scale';
import { machineDescription } from './machine';
import type { BenchContext, Measurement } from './measure/context';
import { measurePseudonymisedExport } from './measure/pseudonymised-export';
import { MEASUREMENTS } from './measure';
import { openPlainDatabase, plainSession } from './measure/plain-store';
import { callRouter } from './measure/router-call';
import { timePair } from './measure/timing';
import { measureUnlock } from './measure/unlock';
import { ensureBuiltRenderer, measureRenderer } from './renderer/renderer-bench';
import { BUDGETS, type Line, p95Check, printReport, ratioCheck } from './report';

/**
 * `npm run bench [-- --scale small] [--seed N] [--check] [--runs N] [--no-renderer] [--json file]`
 *
 * Builds (or reuses) the dataset, then measures every operation through the real router on the
 * encrypted workspace against a hand-written SQL baseline on a plain copy of the same data, the
 * same workload encrypted against plain, the event-loop delay during a long job, unlock, and the
 * renderer in Chromium. Prints each figure with its ratio and PASS/FAIL per budget; with --check,
 * exits non-zero when any budget fails.
 */
process.env.LINKDESK_SILENT = '1';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    check: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'no-renderer': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
if (!isScaleName(values.scale)) {
  console.error(`Unknown scale "${values.scale}": use ${Object.keys(SCALES).join(' or ')}.`);
  process.exit(2);
}
const scale = SCALES[values.scale];
const seed = Number(values.seed);
const runs = Number(values.runs ?? (scale.name === 'full' ? 60 : 20));
const log = (line: string) => console.log(line);
const operationsSection = 'Operations (service through the router, encrypted) vs hand-written SQL (plain)';

log(`Linkdesk benchmark: ${scale.name} scale, seed ${seed}, ${runs} timed runs per side`);
log(machineDescription());
const dataset = await loadOrGenerate(scale, seed, log);
const lines: Line[] = [];
const { manifest } = dataset;
lines.push({
  section: 'Dataset',
  label: `generation (${scale.name}, seed ${seed})`,
  text: `${manifest.generationSeconds.toFixed(1)} s wall, ${manifest.generationCpuSeconds.toFixed(1)} s CPU${dataset.generatedNow ? '' : ' (cached; measured when it was built)'}, ${manifest.databaseMegabytes} MB encrypted; plain copy ${manifest.plainCopySeconds.toFixed(1)} s`,
  checks: scale.name === 'full' ? [{ name: `under ${BUDGETS.generationSeconds} s (wall)`, pass: manifest.generationSeconds < BUDGETS.generationSeconds }] : [],
  note: 'CPU is this process\'s own time (all threads): on a shared machine, wall time also counts other people\'s work',
});
for (const stage of manifest.stages) {
  lines.push({
    section: 'Dataset',
    label: `  ${stage.name}`,
    text: stage.pending ?? `${Object.entries(stage.counts).map(([table, n]) => `${n.toLocaleString('en-GB')} ${table}`).join(', ')} (${stage.seconds.toFixed(1)} s, ${stage.cpuSeconds.toFixed(1)} s CPU)`,
    checks: [],
  });
}

const run = copyForRun(dataset);
const clock = fixedClock(`${dataset.manifest.today}T09:00:00.000Z`);
const worker = dataset.manifest.staff.find((member) => member.role === 'link_worker')!;
const encrypted = new WorkspaceSession({ folder: run.workspace, clock, idleMillisecondsOverride: Number.MAX_SAFE_INTEGER });
let context: BenchContext | null = null;
try {
  await callRouter(encrypted, 'session.signIn', { username: worker.username, password: dataset.manifest.password });
  context = {
    encrypted,
    plain: plainSession({ path: run.plain, user: { id: worker.id, username: worker.username, displayName: worker.displayName, role: 'link_worker' }, clock, folder: join(run.folder, 'plain-session') }),
    baseline: openPlainDatabase(run.plain),
    manifest: dataset.manifest,
    worker,
    today: dataset.manifest.today,
    workspaceFolder: run.workspace,
    warmup: Math.max(5, Math.floor(runs / 10)),
    runs,
  };
  await measureOperations(context);
  await measureEncryption(context);
  const exportLine = 'pseudonymised export of all contacts';
  const extract = await measurePseudonymisedExport(context, scale.name === 'full' ? 2 : 1);
  const ratio = extract.service.median / extract.baseline.median;
  lines.push({
    section: operationsSection,
    label: exportLine,
    value: extract.service,
    baseline: extract.baseline,
    ratio,
    checks: [ratioCheck(ratio, BUDGETS.ratio)],
    note: `baseline: the extract's own SELECTs and CSV building on the plain copy, the same AES-256 ZIP and a plain write, in one thread; ${extract.rows.toLocaleString('en-GB')} rows`,
  });
  const loop = extract.loop;
  lines.push({
    section: 'Responsiveness',
    label: 'event-loop delay p99 during an export',
    text: `p99 ${loop.p99.toFixed(1)} ms, max ${loop.max.toFixed(1)} ms over ${loop.seconds.toFixed(1)} s`,
    checks: [{ name: `p99 < ${BUDGETS.eventLoopP99Ms} ms`, pass: loop.p99 < BUDGETS.eventLoopP99Ms }],
    note: loop.label,
  });
  const unlock = await measureUnlock(context, run.plain, scale.name === 'full' ? 8 : 3);
  const unlockRatio = unlock.service.median / unlock.baseline.median;
  lines.push({
    section: operationsSection,
    label: 'unlock (sign in)',
    value: unlock.service,
    baseline: unlock.baseline,
    ratio: unlockRatio,
    checks: [ratioCheck(unlockRatio, BUDGETS.ratio)],
    note: 'baseline: the same scrypt derivation, open the plain copy, read the user',
  });
} finally {
  await encrypted.close();
  await context?.plain.close();
  context?.baseline.close();
}

const rendererSection = 'Renderer (Chromium through the harness)';
if (values['no-renderer']) {
  lines.push({ section: rendererSection, label: 'renderer', text: 'skipped (--no-renderer)', checks: [] });
} else {
  try {
    ensureBuiltRenderer(log);
    const renderer = await measureRenderer({ workspaceFolder: run.workspace, username: worker.username, password: dataset.manifest.password, signIns: 3, pages: scale.name === 'full' ? 10 : 3 });
    lines.push({ section: rendererSection, label: 'unlock → first caseload rows visible', value: renderer.unlockToRows, checks: [], note: 'from pressing Sign in; includes the deliberate key derivation (see unlock above)' });
    lines.push({ section: rendererSection, label: `caseload paging (next page → rows visible)`, value: renderer.paging, checks: [], note: `${renderer.pages} pages of 25 through every referral (Include closed)` });
  } catch (error) {
    lines.push({ section: rendererSection, label: 'renderer', text: `could not be measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, checks: [{ name: 'measured', pass: false }] });
  }
}
run.remove();

log('');
const { failed } = printReport(lines, log);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ scale: scale.name, seed, machine: machineDescription(), lines }, null, 2)}\n`);
log('');
log(failed.length === 0 ? 'All budgets PASS.' : `${failed.length} budget(s) FAIL:\n${failed.map((check) => `  - ${check.name}`).join('\n')}`);
if (values.check && failed.length > 0) process.exit(1);

async function verify(measurement: Measurement, context: BenchContext): Promise<string | null> {
  for (let round = 0; round < measurement.variants(); round += 1) {
    const expected = measurement.key(await measurement.baseline(context, round));
    for (const [name, session] of [['encrypted', context.encrypted], ['plain', context.plain]] as const) {
      const actual = measurement.key(await measurement.service(session, round, context));
      if (!isDeepStrictEqual(actual, expected)) return `the ${name} service and the baseline disagree on input ${round + 1}: ${JSON.stringify(actual).slice(0, 200)} vs ${JSON.stringify(expected).slice(0, 200)}`;
    }
  }
  return null;
}

async function measureOperations(context: BenchContext): Promise<void> {
  const section = operationsSection;
  for (const measurement of MEASUREMENTS) {
    await measurement.prepare?.(context);
    const disagreement = await verify(measurement, context);
    const { a, b } = await timePair(
      (round) => measurement.service(context.encrypted, round, context),
      (round) => measurement.baseline(context, round),
      { warmup: measurement.maxRuns ? Math.min(context.warmup, 2) : context.warmup, runs: Math.min(context.runs, measurement.maxRuns ?? context.runs) },
    );
    const ratio = a.median / b.median;
    const checks = [ratioCheck(ratio, BUDGETS.ratio)];
    if (measurement.guideP95Ms) checks.push(p95Check(a, measurement.guideP95Ms));
    if (disagreement) checks.push({ name: 'same result as the baseline', pass: false });
    lines.push({ section, label: measurement.label, value: a, baseline: b, ratio, checks, note: `baseline: ${measurement.baselineLabel}${disagreement ? `\n    MISMATCH: ${disagreement}` : ''}` });
  }
}

async function measureEncryption(context: BenchContext): Promise<void> {
  const section = 'Encryption: the same service workload, encrypted vs plain';
  let encryptedTotal = 0;
  let plainTotal = 0;
  for (const measurement of MEASUREMENTS.filter((m) => m.inEncryptionWorkload)) {
    const { a, b } = await timePair(
      (round) => measurement.service(context.encrypted, round, context),
      (round) => measurement.service(context.plain, round, context),
      { warmup: context.warmup, runs: context.runs },
    );
    encryptedTotal += a.median;
    plainTotal += b.median;
    lines.push({ section, label: `${measurement.label}`, value: a, baseline: b, ratio: a.median / b.median, checks: [], note: 'baseline: the same call on the plain copy' });
  }
  const ratio = encryptedTotal / plainTotal;
  lines.push({
    section,
    label: 'whole workload (sum of medians)',
    text: `encrypted ${encryptedTotal.toFixed(1)} ms, plain ${plainTotal.toFixed(1)} ms`,
    ratio,
    checks: [{ name: `ratio ≤ ${BUDGETS.encryption}×`, pass: ratio <= BUDGETS.encryption }],
  });
}
