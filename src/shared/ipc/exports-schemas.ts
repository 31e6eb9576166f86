import { z } from 'zod';
import { exportDeclarationSchema, exportResultSchema } from '../domain/exports';
import { ERROR_CODES } from './errors';
import { idSchema } from '../validation';
import { isoDateSchema } from './casework-schemas';

/** Schemas for the export centre: the register of past exports, each export type, and export jobs. */

export const listExportsSchema = z.strictObject({
  page: z.number('Must be a number').int().min(0).max(1_000_000).default(0),
  pageSize: z.number('Must be a number').int().min(1).max(100).default(25),
});

/** One past export, from its `export.created` audit entry. The passphrase is never kept, so never shown. */
export const pastExportSchema = z.object({
  auditId: z.number().int(),
  at: z.string(),
  by: z.string().nullable(),
  /** An export kind id (EXPORT_KINDS); kept as text so a kind retired later still lists. */
  kind: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
  purpose: z.string(),
  recipient: z.string(),
  lawfulBasis: z.string(),
  /** Whether the file is about one person (the entry is filed against them). */
  aboutOnePerson: z.boolean(),
});
export type PastExport = z.infer<typeof pastExportSchema>;

export const exportRegisterSchema = z.object({
  /** Where this computer writes exports. */
  folder: z.string(),
  rows: z.array(pastExportSchema),
  total: z.number().int(),
  /** False for roles that see only their own exports. */
  everyone: z.boolean(),
});
export type ExportRegister = z.infer<typeof exportRegisterSchema>;

export const personExportSchema = z.strictObject({ personId: idSchema, declaration: exportDeclarationSchema });

export const codingSheetSchema = z.strictObject({
  /** Any day of the week wanted; the sheet covers its Monday to Sunday. Empty means this week. */
  weekOf: z.union([z.literal(''), isoDateSchema]).default(''),
  declaration: exportDeclarationSchema,
});

export const startExtractSchema = z.strictObject({ declaration: exportDeclarationSchema });

export const jobIdSchema = z.strictObject({ jobId: idSchema });

/** A job reads the records (`running`), compresses and encrypts them (`protecting`), then saves the file (`saving`). */
export const JOB_STATES = ['running', 'protecting', 'saving', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * Where a long export has got to. `done` and `total` count the step in hand: rows while
 * `running`, KiB of the files while `protecting` and `saving`, all the rows once `done`.
 * `result` (with the passphrase) is given once, by the first progress call that sees the job
 * done; the job is then forgotten.
 */
export const jobProgressSchema = z.object({
  jobId: idSchema,
  state: z.enum(JOB_STATES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  result: exportResultSchema.nullable(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
