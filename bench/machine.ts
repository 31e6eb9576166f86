import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import Database from 'better-sqlite3-multiple-ciphers';

/** The machine the figures come from, printed with them (docs/performance.md asks for it). */
export function machineDescription(): string {
  const cpu = cpus();
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1_073_741_824)} GiB, ${osType()} ${release()}`,
    `Node ${process.versions.node}, SQLite ${sqlite} (SQLite3MultipleCiphers), load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`,
  ].join('\n');
}
