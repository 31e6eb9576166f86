import { z } from 'zod';
import { channel, noInput } from './channel';
import { exportResultSchema } from '../domain/exports';
import { activityExportInputSchema, activityReportInputSchema, activityReportSchema, reportOptionsSchema, reportSettingsSchema, thresholdSchema } from './reports-schemas';

/**
 * Aggregate reports. They hold counts only, every small number already suppressed in main, so
 * every staff role may read them, admins included; only admins change the small-number threshold.
 */
const EVERYONE = ['link_worker', 'gp_supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;

export const reportsAreas = {
  reports: {
    /** The small-number threshold and the link workers a report can be filtered by. */
    options: channel({ input: noInput, output: reportOptionsSchema, access: EVERYONE }),
    updateSettings: channel({ input: z.strictObject({ threshold: thresholdSchema }), output: reportSettingsSchema, access: ADMIN }),
    /** The activity report for a period, suppressed. */
    activity: channel({ input: activityReportInputSchema, output: activityReportSchema, access: EVERYONE }),
    /** The report, or one chart's sections, as a CSV and a PDF through the one export path. */
    exportActivity: channel({ input: activityExportInputSchema, output: exportResultSchema, access: EVERYONE }),
  },
} as const;
