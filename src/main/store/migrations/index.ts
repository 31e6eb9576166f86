import type { Migration } from './migration';
import { migration0001Foundation } from './0001-foundation';
import { migration0002People } from './0002-people';
import { migration0003Casework } from './0003-casework';
import { migration0004Directory } from './0004-directory';
import { migration0005Plans } from './0005-plans';
import { migration0006Connections } from './0006-connections';
import { migration0007Outcomes } from './0007-outcomes';
import { migration0008Supervision } from './0008-supervision';
import { migration0009Exports } from './0009-exports';
import { migration0010RecordsManagement } from './0010-records-management';
import { migration0011ReportingIndexes } from './0011-reporting-indexes';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001Foundation,
  migration0002People,
  migration0003Casework,
  migration0004Directory,
  migration0005Plans,
  migration0006Connections,
  migration0007Outcomes,
  migration0008Supervision,
  migration0009Exports,
  migration0010RecordsManagement,
  migration0011ReportingIndexes,
];
