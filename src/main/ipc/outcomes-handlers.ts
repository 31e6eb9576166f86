import { closeEpisode, closingDraft } from '../services/outcomes/close-episode';
import { cohortOutcomes } from '../services/outcomes/cohort';
import { scheduleFollowUp } from '../services/outcomes/follow-ups';
import { exportGpLetter } from '../services/outcomes/gp-letter';
import { recordMeasure } from '../services/outcomes/measures';
import { getPersonOutcomes } from '../services/outcomes/person-outcomes';
import { recordSystemUse } from '../services/outcomes/system-use';
import type { Handlers } from './router';

type OutcomesHandlers = Pick<Handlers, 'outcomes' | 'systemUse'>;

/** Outcomes channels: one line each, the work is in the services. */
export const outcomesHandlers: OutcomesHandlers = {
  outcomes: {
    record: (input, session) => recordMeasure(session, input),
    forPerson: (input, session) => getPersonOutcomes(session, input.personId),
    scheduleFollowUp: (input, session) => scheduleFollowUp(session, input),
    closingDraft: (input, session) => closingDraft(session, input.episodeId),
    closeEpisode: (input, session) => closeEpisode(session, input),
    exportGpLetter: (input, session) => exportGpLetter(session, input),
    cohort: (input, session) => cohortOutcomes(session, input),
  },
  systemUse: {
    record: (input, session) => recordSystemUse(session, input),
  },
};
