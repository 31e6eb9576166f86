import { z } from 'zod';
import { exportResultSchema } from '../domain/exports';
import { episodeSchema } from './casework-schemas';
import { channel } from './channel';
import {
  closeEpisodeSchema,
  closingDraftSchema,
  exportGpLetterSchema,
  cohortOutcomesSchema,
  cohortQuerySchema,
  measureSchema,
  personOutcomesSchema,
  recordMeasureSchema,
  recordSystemUseSchema,
  scheduleFollowUpSchema,
  systemUseSchema,
} from './outcomes-schemas';
import { idSchema } from '../validation';

/**
 * Outcome measures, follow-ups, closing an episode with its summary, the message back to the GP
 * and referrer, system use, and cohort outcomes.
 *
 * Person-level outcomes are casework: link workers record, GP supervisors read, admins see none.
 * System use (GP consultations, A&E attendances) is counted from the practice record, so GP
 * supervisors may enter it as well as link workers. Cohort outcomes are aggregate, with small
 * numbers suppressed, so every role may see them: service leads report them to the PCN and
 * commissioners.
 */
const CASEWORK_WRITE = ['link_worker'] as const;
const CASEWORK_READ = ['link_worker', 'gp_supervisor'] as const;
const EVERYONE = ['link_worker', 'gp_supervisor', 'admin'] as const;

export const outcomesAreas = {
  outcomes: {
    record: channel({ input: recordMeasureSchema, output: measureSchema, access: CASEWORK_WRITE }),
    /** Every episode's measures, changes, follow-up, system use and closing summary. Audited. */
    forPerson: channel({ input: z.strictObject({ personId: idSchema }), output: personOutcomesSchema, access: CASEWORK_READ }),
    scheduleFollowUp: channel({ input: scheduleFollowUpSchema, output: z.object({ episodeId: idSchema, dueOn: z.string().nullable() }), access: CASEWORK_WRITE }),
    /** Suggested closing summary from the episode's conversations, plan and connections. */
    closingDraft: channel({ input: z.strictObject({ episodeId: idSchema }), output: closingDraftSchema, access: CASEWORK_WRITE }),
    /** Closes the episode with its reason, summary and (optionally) the final ONS4, in one go. */
    closeEpisode: channel({ input: closeEpisodeSchema, output: episodeSchema, access: CASEWORK_WRITE }),
    /** The message back to the GP and the referrer: a PDF letter in an encrypted ZIP, through the one export path. */
    exportGpLetter: channel({ input: exportGpLetterSchema, output: exportResultSchema, access: CASEWORK_WRITE }),
    cohort: channel({ input: cohortQuerySchema, output: cohortOutcomesSchema, access: EVERYONE }),
  },
  systemUse: {
    record: channel({ input: recordSystemUseSchema, output: systemUseSchema, access: CASEWORK_READ }),
  },
} as const;
