import { z } from 'zod';
import { exportResultSchema } from '../domain/exports';
import { channel } from './channel';
import { codingSheetSchema, exportRegisterSchema, jobIdSchema, jobProgressSchema, listExportsSchema, personExportSchema, startExtractSchema } from './exports-schemas';

/**
 * The export centre. Who may make what (docs/exports.md, "Who can export what"):
 * - the register of past exports: everyone (admins see every export, others their own);
 * - subject access and transfer bundles hold one person's whole record: the people who may read
 *   records (link workers and GP supervisors). Admins cannot read person data in Linkdesk, so an
 *   IG lead with an admin account asks a link worker or supervisor to make the file;
 * - the GP coding sheet: everyone who may work the coding queue (admins included);
 * - the pseudonymised extract: admins (service leads) and GP supervisors, for evaluation; it is
 *   made by a job in a worker thread, followed with `progress` and stopped with `cancel`.
 */
const EVERYONE = ['link_worker', 'gp_supervisor', 'admin'] as const;
const PERSON_LEVEL = ['link_worker', 'gp_supervisor'] as const;
const CODING = ['link_worker', 'gp_supervisor', 'admin'] as const;
const EXTRACT = ['gp_supervisor', 'admin'] as const;

export const exportsAreas = {
  exports: {
    list: channel({ input: listExportsSchema, output: exportRegisterSchema, access: EVERYONE }),
    subjectAccess: channel({ input: personExportSchema, output: exportResultSchema, access: PERSON_LEVEL }),
    transferBundle: channel({ input: personExportSchema, output: exportResultSchema, access: PERSON_LEVEL }),
    codingSheet: channel({ input: codingSheetSchema, output: exportResultSchema, access: CODING }),
    /** Starts the extract in a worker thread and returns at once with the job's id. */
    pseudonymisedExtract: channel({ input: startExtractSchema, output: z.object({ jobId: z.string() }), access: EXTRACT }),
    /** Polled by the screen, so it does not count as activity for the idle lock. */
    progress: channel({ input: jobIdSchema, output: jobProgressSchema, access: EXTRACT, activity: false }),
    cancel: channel({ input: jobIdSchema, output: jobProgressSchema, access: EXTRACT }),
  },
} as const;
