import { AppError } from '../errors';
import type { Handlers } from './router';

type CaseworkHandlers = Pick<Handlers, 'people' | 'episodes' | 'contacts' | 'coding' | 'caseload'>;

// Placeholder until the casework services land: every channel answers with a clear error.
const notYet = async (): Promise<never> => {
  throw new AppError('not_found', 'This part of Linkdesk is not built yet.');
};

export const caseworkHandlers: CaseworkHandlers = {
  people: { create: notYet, update: notYet, get: notYet, search: notYet, addNote: notYet },
  episodes: { create: notYet, transition: notYet, plan: notYet },
  contacts: { record: notYet },
  coding: { queue: notYet, markRecorded: notYet },
  caseload: { list: notYet, workers: notYet },
};
