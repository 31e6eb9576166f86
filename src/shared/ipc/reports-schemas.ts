import { z } from 'zod';
import { exportDeclarationSchema } from '../domain/exports';
import { ACTIVITY_SECTION_CODES, REPORT_MAX_MONTHS, SMALL_NUMBER_THRESHOLD_MAX, SMALL_NUMBER_THRESHOLD_MIN, monthSpan } from '../domain/reports';
import { idSchema } from '../validation';
import { isoDateSchema } from './casework-schemas';

/**
 * Schemas for aggregate reports. Every count that leaves main is a CountCell that has already
 * been through the small-number rule: a small number arrives as its text ("<8") with no value.
 */

export const thresholdSchema = z
  .number('Enter a whole number')
  .int('Enter a whole number')
  .min(SMALL_NUMBER_THRESHOLD_MIN, `Use a threshold of at least ${SMALL_NUMBER_THRESHOLD_MIN}`)
  .max(SMALL_NUMBER_THRESHOLD_MAX, `Use a threshold of at most ${SMALL_NUMBER_THRESHOLD_MAX}`);

export const reportSettingsSchema = z.object({ threshold: z.number().int() });
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const reportOptionsSchema = z.object({
  threshold: z.number().int(),
  /** Link workers to filter by, by display name (including those who have left, for past periods). */
  workers: z.array(z.object({ id: idSchema, displayName: z.string(), disabled: z.boolean() })),
});
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

const periodShape = {
  from: isoDateSchema,
  to: isoDateSchema,
  /** One link worker's referrals only; null for the whole service. */
  workerUserId: idSchema.nullable().default(null),
};

function checkPeriod(period: { from: unknown; to: unknown }, context: z.RefinementCtx): void {
  // Zod runs this even when a date was refused already; only two real dates are compared.
  if (typeof period.from !== 'string' || typeof period.to !== 'string' || !isoDateSchema.safeParse(period.from).success || !isoDateSchema.safeParse(period.to).success) return;
  if (period.to < period.from) context.addIssue({ code: 'custom', path: ['to'], message: 'The end of the period must be on or after its start' });
  else if (monthSpan(period.from, period.to) > REPORT_MAX_MONTHS) context.addIssue({ code: 'custom', path: ['to'], message: `Choose a period of ${REPORT_MAX_MONTHS} months or less` });
}

export const activityReportInputSchema = z.strictObject(periodShape).superRefine(checkPeriod);
export type ActivityReportInput = z.input<typeof activityReportInputSchema>;
export type ActivityReportQuery = z.output<typeof activityReportInputSchema>;

/** The period and filter, which sections to include (all of them, with the main figures, when left out), and why. */
export const activityExportInputSchema = z
  .strictObject({
    ...periodShape,
    sections: z.array(z.enum(ACTIVITY_SECTION_CODES, 'Choose a section of the report')).min(1, 'Choose at least one section').max(ACTIVITY_SECTION_CODES.length).optional(),
    declaration: exportDeclarationSchema,
  })
  .superRefine(checkPeriod);
export type ActivityExportInput = z.output<typeof activityExportInputSchema>;

export const CELL_STATES = ['shown', 'small', 'hidden', 'withheld'] as const;
export const countCellSchema = z.object({
  /** The count, or null when it is not shown. */
  value: z.number().int().min(0).nullable(),
  /** What to print: "12", "0", "<8", "*" or "—". */
  shown: z.string(),
  /** shown; small (below the threshold); hidden (so a small number cannot be worked out); withheld (the whole breakdown). */
  state: z.enum(CELL_STATES),
});
export type CountCell = z.infer<typeof countCellSchema>;

export const reportTableSchema = z.object({
  /** Unique in the report, e.g. 'referrals_by_source' or 'gp_codes_declined'. */
  id: z.string(),
  section: z.enum(ACTIVITY_SECTION_CODES),
  title: z.string(),
  /** What is counted, for the column heading: "Referrals", "People", "Contacts"… */
  unit: z.string(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), count: countCellSchema })),
  /** The rows add up to this (each thing counted once); null when they need not (a referral can have several reasons). */
  total: countCellSchema.nullable(),
  /** True when the breakdown could not be shown without revealing a small number. */
  withheld: z.boolean(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const activityReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.string()),
    worker: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    threshold: z.number().int(),
    generatedAt: z.string(),
    headline: z.array(z.object({ key: z.string(), label: z.string(), count: countCellSchema })),
    tables: z.array(reportTableSchema),
  })
  // The last guard: whatever a service did, a small number never crosses the bridge as a number.
  .superRefine((report, context) => {
    const cells = [...report.headline.map((item) => item.count), ...report.tables.flatMap((table) => [...table.rows.map((row) => row.count), ...(table.total ? [table.total] : [])])];
    if (cells.some((cell) => cell.value !== null && cell.value > 0 && cell.value < report.threshold)) {
      context.addIssue({ code: 'custom', message: 'A small number reached the report unsuppressed' });
    }
  });
export type ActivityReport = z.infer<typeof activityReportSchema>;
