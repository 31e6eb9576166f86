import type { RawDatabase } from '../../../src/main/store/open-database';
import type { GeneratorStage } from '../context';

/**
 * A place in the registry for data whose feature is not on main yet. When the feature's tables
 * land, the line says so, and its stage (one small module like ./plans.ts) replaces this one.
 */
export function notBuiltYet(name: string, tablePrefix: string, wanted: string): GeneratorStage {
  return {
    name,
    pending(raw: RawDatabase) {
      const tables = raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE ?`).get(`${tablePrefix}%`) as { n: number };
      return tables.n === 0 ? `not built yet (${wanted})` : `its tables have landed; its generator stage is still to write (${wanted})`;
    },
    run() {
      return {};
    },
  };
}
