import { z } from 'zod';
import {
  CONNECTION_STATUS_CODES,
  CONNECTION_STOP_REASON_CODES,
  GAP_REASON_CODES,
  GROUP_SUPPORT_TYPE_CODES,
} from '../domain/connections';
import { DIRECTORY_CATEGORY_CODES, DIRECTORY_STATUS_CODES } from '../domain/directory';
import { idSchema } from '../validation';
import { isoDateSchema, notesText, optionalIsoDate } from './casework-schemas';

/**
 * Schemas for connections (a person linked to a directory service), the group support log and
 * the gaps view, shared by the router and the renderer's forms.
 */

// ---- Connections ----

export const createConnectionSchema = z.strictObject({
  episodeId: idSchema,
  serviceId: idSchema,
  /** A goal of the episode's care and support plan this connection serves, if any. */
  goalId: idSchema.nullable().default(null),
  /** When it was suggested; empty means today. */
  on: optionalIsoDate,
  /** The warm-handover note: what the group needs to know to welcome the person. */
  handoverNote: notesText(4000),
});
export type CreateConnectionInput = z.input<typeof createConnectionSchema>;

export const moveConnectionSchema = z
  .strictObject({
    connectionId: idSchema,
    to: z.enum(CONNECTION_STATUS_CODES, 'Choose the new status'),
    /** When the status changed; empty means today. */
    on: optionalIsoDate,
    stopReason: z.enum(CONNECTION_STOP_REASON_CODES, 'Choose why it stopped').nullable().default(null),
    stopNote: notesText(2000),
    /** Replaces the warm-handover note when given (say, when introducing the person). */
    handoverNote: notesText(4000),
  })
  .superRefine((move, context) => {
    if (move.to === 'stopped' && move.stopReason === null) context.addIssue({ code: 'custom', path: ['stopReason'], message: 'Choose why it stopped' });
    if (move.to !== 'stopped' && move.stopReason !== null) context.addIssue({ code: 'custom', path: ['stopReason'], message: 'Only a stopped connection has a reason' });
    if (move.to !== 'stopped' && move.stopNote !== '') context.addIssue({ code: 'custom', path: ['stopNote'], message: 'Only a stopped connection has a stop note' });
  });
export type MoveConnectionInput = z.input<typeof moveConnectionSchema>;

export const listConnectionsSchema = z
  .strictObject({ personId: idSchema.optional(), episodeId: idSchema.optional() })
  .refine((query) => (query.personId === undefined) !== (query.episodeId === undefined), { path: ['personId'], message: 'Choose a person or a referral' });

export const connectionHistorySchema = z.object({
  from: z.enum(CONNECTION_STATUS_CODES).nullable(),
  to: z.enum(CONNECTION_STATUS_CODES),
  on: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  stopReason: z.enum(CONNECTION_STOP_REASON_CODES).nullable(),
});

export const connectionSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  personId: idSchema,
  service: z.object({ id: idSchema, name: z.string(), organisationName: z.string(), status: z.enum(DIRECTORY_STATUS_CODES) }),
  goalId: z.string().nullable(),
  status: z.enum(CONNECTION_STATUS_CODES),
  /** The date of the current status. */
  statusOn: z.string(),
  /** Completed and stopped connections cannot change. */
  final: z.boolean(),
  stopReason: z.enum(CONNECTION_STOP_REASON_CODES).nullable(),
  stopNote: z.string(),
  handoverNote: z.string(),
  /** Every status change, oldest first. */
  history: z.array(connectionHistorySchema),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Connection = z.infer<typeof connectionSchema>;

// ---- Group support ----

export const recordGroupSupportSchema = z.strictObject({
  organisationId: idSchema,
  /** One of the organisation's services, when the support was for it. */
  serviceId: idSchema.nullable().default(null),
  type: z.enum(GROUP_SUPPORT_TYPE_CODES, 'Choose the kind of support'),
  givenOn: isoDateSchema,
  minutes: z.number('Enter the time in minutes').int('Use whole minutes').min(1, 'Use at least 1 minute').max(1440, 'Use at most 1440 minutes (a day)'),
  note: notesText(4000),
});
export type RecordGroupSupportInput = z.input<typeof recordGroupSupportSchema>;

export const listGroupSupportSchema = z
  .strictObject({ organisationId: idSchema.optional(), serviceId: idSchema.optional() })
  .refine((query) => (query.organisationId === undefined) !== (query.serviceId === undefined), { path: ['organisationId'], message: 'Choose an organisation or a service' });

export const groupSupportSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  organisationName: z.string(),
  serviceId: idSchema.nullable(),
  serviceName: z.string().nullable(),
  type: z.enum(GROUP_SUPPORT_TYPE_CODES),
  givenOn: z.string(),
  minutes: z.number().int(),
  note: z.string(),
  givenBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type GroupSupport = z.infer<typeof groupSupportSchema>;

// ---- Gaps ----

export const gapsReportSchema = z.object({
  /** Every need a referral can name (except "other"), with demand and supply. */
  needs: z.array(
    z.object({
      reason: z.enum(GAP_REASON_CODES),
      /** Open referrals (not closed or declined) citing this reason. */
      openReferrals: z.number().int(),
      /** Active directory services in a category that meets it. */
      activeServices: z.number().int(),
    }),
  ),
  /** Reasons open referrals cite that no active service meets: the gaps. */
  unmet: z.array(z.enum(GAP_REASON_CODES)),
  /** Services not closed that are full (places used at or over capacity) or have a waiting list. */
  full: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      organisationName: z.string(),
      category: z.enum(DIRECTORY_CATEGORY_CODES),
      status: z.enum(DIRECTORY_STATUS_CODES),
      capacity: z.number().int().nullable(),
      placesUsed: z.number().int().nullable(),
      waitingList: z.boolean(),
      /** People with a connection still in progress (suggested, introduced or attending). */
      openConnections: z.number().int(),
    }),
  ),
});
export type GapsReport = z.infer<typeof gapsReportSchema>;
