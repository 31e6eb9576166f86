import { z } from 'zod';
import { ROLES } from '../roles';
import { channel, noInput, okOutput } from './channel';
import { caseworkAreas } from './casework-contract';
import { connectionsAreas } from './connections-contract';
import { directoryAreas } from './directory-contract';
import { exportsAreas } from './exports-contract';
import { outcomesAreas } from './outcomes-contract';
import { plansAreas } from './plans-contract';
import { recordsAreas } from './records-contract';
import { reportsAreas } from './reports-contract';
import { supervisionAreas } from './supervision-contract';
import {
  displayNameSchema,
  enteredPasswordSchema,
  idleMinutesSchema,
  idSchema,
  passwordSchema,
  recoveryKeySchema,
  usernameSchema,
  workspaceNameSchema,
} from '../validation';

const ALL_ROLES = ROLES;
const ADMIN = ['admin'] as const;

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const userSummarySchema = sessionUserSchema.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const workspaceStatusSchema = z.object({
  /** False until first-run set-up has created the workspace. */
  exists: z.boolean(),
  workspaceName: z.string().nullable(),
  user: sessionUserSchema.nullable(),
  idleMinutes: z.number().int(),
  /** Why the workspace last locked, so the sign-in screen can say so. */
  lockReason: z.enum(['idle', 'signed_out']).nullable(),
});
export type WorkspaceStatus = z.infer<typeof workspaceStatusSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  firstBrokenEntryId: z.number().int().nullable(),
  message: z.string(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

const isoDate = z.iso.date('Use a date like 2026-11-22');

/**
 * The one IPC contract. Every channel is `area.action`, with its input and output schemas and the
 * roles allowed to call it. Main's router, the preload bridge and the renderer's client all derive
 * from this object; there are no channels anywhere else.
 */
export const contract = {
  workspace: {
    status: channel({ input: noInput, output: workspaceStatusSchema, access: 'anyone', activity: false }),
    setup: channel({
      input: z.strictObject({
        workspaceName: workspaceNameSchema,
        adminUsername: usernameSchema,
        adminDisplayName: displayNameSchema,
        adminPassword: passwordSchema,
      }),
      output: z.object({ recoveryKey: z.string() }),
      access: 'anyone',
    }),
    /** First run only: a DEMO workspace of synthetic people, with staff accounts to sign in as. */
    setupDemo: channel({
      input: noInput,
      output: z.object({
        workspaceName: z.string(),
        password: z.string(),
        people: z.number().int(),
        users: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.enum(ROLES) })),
      }),
      access: 'anyone',
    }),
  },
  session: {
    signIn: channel({
      input: z.strictObject({ username: usernameSchema, password: enteredPasswordSchema }),
      output: sessionUserSchema,
      access: 'anyone',
    }),
    signOut: channel({ input: noInput, output: okOutput, access: ALL_ROLES }),
    /** The renderer reports keyboard and pointer activity so the idle lock counts real use. */
    heartbeat: channel({ input: noInput, output: z.object({ idleSecondsLeft: z.number() }), access: ALL_ROLES }),
    resetPasswordWithRecoveryKey: channel({
      input: z.strictObject({ username: usernameSchema, recoveryKey: recoveryKeySchema, newPassword: passwordSchema }),
      output: okOutput,
      access: 'anyone',
    }),
  },
  account: {
    changePassword: channel({
      input: z.strictObject({ currentPassword: enteredPasswordSchema, newPassword: passwordSchema }),
      output: okOutput,
      access: ALL_ROLES,
    }),
  },
  users: {
    list: channel({ input: noInput, output: z.array(userSummarySchema), access: ADMIN }),
    create: channel({
      input: z.strictObject({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: z.enum(ROLES, 'Choose a role'),
        temporaryPassword: passwordSchema,
      }),
      output: userSummarySchema,
      access: ADMIN,
    }),
    disable: channel({ input: z.strictObject({ userId: idSchema }), output: userSummarySchema, access: ADMIN }),
    /** Re-enabling, or resetting a password for someone who forgot it, sets a new temporary password. */
    setTemporaryPassword: channel({
      input: z.strictObject({ userId: idSchema, temporaryPassword: passwordSchema }),
      output: userSummarySchema,
      access: ADMIN,
    }),
  },
  settings: {
    get: channel({
      input: noInput,
      output: z.object({ workspaceName: z.string(), idleMinutes: z.number().int() }),
      access: ALL_ROLES,
    }),
    update: channel({
      input: z.strictObject({ workspaceName: workspaceNameSchema, idleMinutes: idleMinutesSchema }),
      output: z.object({ workspaceName: z.string(), idleMinutes: z.number().int() }),
      access: ADMIN,
    }),
  },
  audit: {
    list: channel({
      input: z.strictObject({
        page: z.number().int().min(0).max(1_000_000),
        pageSize: z.number().int().min(1).max(100),
        actorUserId: idSchema.optional(),
        action: z.string().max(60).optional(),
        entityId: z.string().max(60).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      }),
      output: z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }),
      access: ADMIN,
    }),
    verify: channel({ input: noInput, output: auditVerificationSchema, access: ADMIN }),
  },
  ...caseworkAreas,
  ...directoryAreas,
  ...plansAreas,
  ...connectionsAreas,
  ...outcomesAreas,
  ...supervisionAreas,
  ...exportsAreas,
  ...reportsAreas,
  ...recordsAreas,
} as const;

export type Contract = typeof contract;
export type Area = keyof Contract;
export type ChannelName = { [A in Area]: `${A}.${Extract<keyof Contract[A], string>}` }[Area];
export type InputOf<A extends Area, K extends keyof Contract[A]> = Contract[A][K] extends { input: infer I extends z.ZodType } ? z.input<I> : never;
export type OutputOf<A extends Area, K extends keyof Contract[A]> = Contract[A][K] extends { output: infer O extends z.ZodType } ? z.output<O> : never;
