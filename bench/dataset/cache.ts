import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../src/main/store/migrate';
import { generateDataset, type Manifest } from './generate';
import type { Scale } from './scale';

/**
 * The generated dataset is cached in a folder named by scale, seed, the schema (a hash of what the
 * migrations build, so a filled-in reserved migration counts as a new schema) and the generator's
 * own source, so a re-run skips generation and any change to either builds afresh.
 */
const HERE = dirname(fileURLToPath(import.meta.url));

export function cacheRoot(): string {
  return process.env.LINKDESK_BENCH_CACHE ?? join(homedir(), '.cache', 'linkdesk-bench');
}

/** A hash of the schema the migrations build today. */
export function schemaHash(): string {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all();
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
  } finally {
    db.close();
  }
}

function generatorHash(): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(HERE);
  return hash.digest('hex').slice(0, 8);
}

export interface Dataset {
  folder: string;
  manifest: Manifest;
  /** True when this run built it (so its generation time was measured now). */
  generatedNow: boolean;
}

/** The cache folder's name: scale, seed, schema and generator. */
export function datasetName(scale: Scale, seed: number): string {
  return `${scale.name}-seed${seed}-schema${schemaHash()}-gen${generatorHash()}`;
}

export async function loadOrGenerate(scale: Scale, seed: number, log: (line: string) => void): Promise<Dataset> {
  const schema = schemaHash();
  const prefix = `${scale.name}-seed${seed}-`;
  const name = datasetName(scale, seed);
  const root = cacheRoot();
  const folder = join(root, name);
  const manifestPath = join(folder, 'manifest.json');
  if (existsSync(manifestPath)) {
    log(`Dataset: cached in ${folder}`);
    return { folder, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest, generatedNow: false };
  }
  // Older builds of the same scale and seed are only taking space now.
  if (existsSync(root)) for (const old of readdirSync(root)) if (old.startsWith(prefix)) rmSync(join(root, old), { recursive: true, force: true });
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  log(`Dataset: generating ${scale.name} scale from seed ${seed} into ${folder}`);
  const manifest = await generateDataset({ folder: partial, scale, seed, schemaHash: schema, log });
  writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, folder);
  return { folder, manifest, generatedNow: true };
}

/** A throw-away copy for one run: measurements sign in and write audit entries, the cache stays as built. */
export function copyForRun(dataset: Dataset): { folder: string; workspace: string; plain: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'linkdesk-bench-run-'));
  cpSync(join(dataset.folder, 'workspace'), join(folder, 'workspace'), { recursive: true });
  cpSync(join(dataset.folder, 'plain.db'), join(folder, 'plain.db'));
  return { folder, workspace: join(folder, 'workspace'), plain: join(folder, 'plain.db'), remove: () => rmSync(folder, { recursive: true, force: true }) };
}
