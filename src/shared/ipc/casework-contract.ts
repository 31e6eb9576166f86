import { z } from 'zod';
import { channel, noInput } from './channel';
import {
  caseloadQuerySchema,
  caseloadRowSchema,
  codingItemSchema,
  createEpisodeSchema,
  createPersonResultSchema,
  createPersonSchema,
  episodeSchema,
  episodeTransitionSchema,
  isoDateSchema,
  notesText,
  personRecordSchema,
  personSummarySchema,
  planEpisodeSchema,
  recordContactSchema,
  searchResultSchema,
  contactSchema,
  updatePersonSchema,
} from './casework-schemas';
import { idSchema } from '../validation';

/**
 * Channels for the link worker's daily work: people, referrals (episodes), contacts, the GP coding
 * queue, the caseload and search. Person-level records are for the people who work with them
 * (link workers, and GP supervisors reading); admins manage the workspace, not the casework,
 * except the coding queue, which practice staff with access to the GP system may work through.
 */
const CASEWORK_WRITE = ['link_worker'] as const;
const CASEWORK_READ = ['link_worker', 'gp_supervisor'] as const;
const CODING = ['link_worker', 'gp_supervisor', 'admin'] as const;

export const caseworkAreas = {
  people: {
    create: channel({ input: createPersonSchema, output: createPersonResultSchema, access: CASEWORK_WRITE }),
    update: channel({ input: updatePersonSchema, output: personSummarySchema, access: CASEWORK_WRITE }),
    /** Opening a record is audited: who viewed whom, and when. */
    get: channel({ input: z.strictObject({ personId: idSchema }), output: personRecordSchema, access: CASEWORK_READ }),
    search: channel({
      input: z.strictObject({ query: z.string('Must be text').trim().min(2, 'Type at least 2 characters').max(100, 'Use at most 100 characters') }),
      output: z.array(searchResultSchema),
      access: CASEWORK_READ,
    }),
    addNote: channel({
      input: z.strictObject({ personId: idSchema, episodeId: idSchema.nullable().default(null), text: notesText(8000).refine((t) => t.trim().length > 0, 'Write the note') }),
      output: z.object({ id: idSchema }),
      access: CASEWORK_WRITE,
    }),
  },
  episodes: {
    create: channel({ input: createEpisodeSchema, output: episodeSchema, access: CASEWORK_WRITE }),
    transition: channel({ input: episodeTransitionSchema, output: episodeSchema, access: CASEWORK_WRITE }),
    plan: channel({ input: planEpisodeSchema, output: episodeSchema, access: CASEWORK_WRITE }),
  },
  contacts: {
    record: channel({ input: recordContactSchema, output: contactSchema, access: CASEWORK_WRITE }),
  },
  coding: {
    queue: channel({
      input: z.strictObject({ includeRecorded: z.boolean().default(false) }),
      output: z.array(codingItemSchema),
      access: CODING,
    }),
    markRecorded: channel({
      input: z.strictObject({ itemId: idSchema, recordedOn: isoDateSchema }),
      output: codingItemSchema,
      access: CODING,
    }),
  },
  caseload: {
    list: channel({
      input: caseloadQuerySchema,
      output: z.object({ rows: z.array(caseloadRowSchema), total: z.number().int() }),
      access: CASEWORK_READ,
    }),
    /** The link workers a caseload can be filtered by (names only; no admin rights needed). */
    workers: channel({
      input: noInput,
      output: z.array(z.object({ id: idSchema, displayName: z.string() })),
      access: CASEWORK_READ,
    }),
  },
} as const;
