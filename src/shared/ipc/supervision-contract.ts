import { z } from 'zod';
import { exportDeclarationSchema, exportResultSchema } from '../domain/exports';
import { channel, noInput } from './channel';
import {
  actionIdSchema,
  actionSchema,
  addActionSchema,
  addAddendumSchema,
  addCaseSchema,
  addendumSchema,
  agendaItemSchema,
  assignPairSchema,
  clearFlagSchema,
  completeActionSchema,
  createSessionSchema,
  listActionsSchema,
  listSessionsSchema,
  myPairSchema,
  pairIdSchema,
  pairSchema,
  pairsOverviewSchema,
  personFlagSchema,
  raiseFlagSchema,
  recordDiscussionSchema,
  saveWellbeingSchema,
  searchSessionsSchema,
  sessionIdSchema,
  sessionSearchResultSchema,
  sessionSummarySchema,
  sessionWorkspaceSchema,
  updateSessionSchema,
  wellbeingSchema,
} from './supervision-schemas';
import { idSchema } from '../validation';

/**
 * Supervision: admins decide who supervises whom; a link worker and their GP supervisor hold
 * weekly sessions. Sessions are for the two people in them only (the services check membership);
 * only the supervisor signs. Person flags are casework: link workers set and clear them, GP
 * supervisors read them for the people of the link workers they supervise.
 */
const ADMIN = ['admin'] as const;
const PAIR = ['link_worker', 'gp_supervisor'] as const;
const SUPERVISOR = ['gp_supervisor'] as const;
const CASEWORK_WRITE = ['link_worker'] as const;
const CASEWORK_READ = ['link_worker', 'gp_supervisor'] as const;

export const supervisionAreas = {
  supervisionPairs: {
    list: channel({ input: noInput, output: pairsOverviewSchema, access: ADMIN }),
    assign: channel({ input: assignPairSchema, output: pairSchema, access: ADMIN }),
    end: channel({ input: pairIdSchema, output: pairSchema, access: ADMIN }),
  },
  supervision: {
    /** The pairs the signed-in user is in: supervisees for a GP supervisor, supervisors for a link worker. */
    pairs: channel({ input: noInput, output: z.array(myPairSchema), access: PAIR }),
    sessions: channel({ input: listSessionsSchema, output: z.array(sessionSummarySchema), access: PAIR }),
    create: channel({ input: createSessionSchema, output: sessionSummarySchema, access: PAIR }),
    update: channel({ input: updateSessionSchema, output: sessionSummarySchema, access: PAIR }),
    /** The session workspace; opening it is audited. */
    get: channel({ input: sessionIdSchema, output: sessionWorkspaceSchema, access: PAIR }),
    /** Rebuilds the caseload part of the agenda, keeping every case already discussed or added by hand. */
    refreshAgenda: channel({ input: sessionIdSchema, output: z.object({ added: z.number().int(), removed: z.number().int() }), access: PAIR }),
    addCase: channel({ input: addCaseSchema, output: agendaItemSchema, access: PAIR }),
    recordDiscussion: channel({ input: recordDiscussionSchema, output: agendaItemSchema, access: PAIR }),
    addAction: channel({ input: addActionSchema, output: actionSchema, access: PAIR }),
    removeAction: channel({ input: actionIdSchema, output: z.object({ id: idSchema }), access: PAIR }),
    completeAction: channel({ input: completeActionSchema, output: actionSchema, access: PAIR }),
    reopenAction: channel({ input: actionIdSchema, output: actionSchema, access: PAIR }),
    saveWellbeing: channel({ input: saveWellbeingSchema, output: wellbeingSchema, access: PAIR }),
    /** The supervisor signs; the session is read-only afterwards (here and by database triggers). */
    sign: channel({ input: sessionIdSchema, output: sessionSummarySchema, access: SUPERVISOR }),
    addAddendum: channel({ input: addAddendumSchema, output: addendumSchema, access: PAIR }),
    search: channel({ input: searchSessionsSchema, output: z.array(sessionSearchResultSchema), access: PAIR }),
    actions: channel({ input: listActionsSchema, output: z.array(actionSchema), access: PAIR }),
    /** The printable record of a signed session (PDF), through the one export path as 'supervision_record'. */
    exportRecord: channel({ input: z.strictObject({ sessionId: idSchema, declaration: exportDeclarationSchema }), output: exportResultSchema, access: PAIR }),
  },
  personFlags: {
    list: channel({ input: z.strictObject({ personId: idSchema }), output: z.array(personFlagSchema), access: CASEWORK_READ }),
    raise: channel({ input: raiseFlagSchema, output: personFlagSchema, access: CASEWORK_WRITE }),
    clear: channel({ input: clearFlagSchema, output: personFlagSchema, access: CASEWORK_WRITE }),
  },
} as const;
