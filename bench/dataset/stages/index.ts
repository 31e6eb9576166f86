import type { GeneratorStage } from '../context';
import { caseworkStage } from './casework';
import { connectionsStage } from './connections';
import { directoryStage } from './directory';
import { outcomesStage } from './outcomes';
import { plansStage } from './plans';
import { supervisionStage } from './supervision';

/**
 * Every generator stage, in order (later stages read the facts earlier ones leave in the context).
 * Each stage draws from its own seeded stream, so adding one changes no other stage's data.
 */
export const GENERATOR_STAGES: readonly GeneratorStage[] = [
  caseworkStage,
  directoryStage,
  plansStage,
  connectionsStage,
  outcomesStage,
  supervisionStage,
];
