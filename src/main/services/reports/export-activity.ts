import type { ExportResult } from '../../../shared/domain/exports';
import type { ActivityExportInput } from '../../../shared/ipc/reports-schemas';
import { writeExport } from '../exports/write-export';
import type { WorkspaceSession } from '../workspace-session';
import { activityCsv } from './activity-csv';
import { activityPdf } from './activity-pdf';
import { buildActivityReport } from './activity-report';

/**
 * The activity report (or one chart's sections) as a CSV and a PDF, through the one export path.
 * Both files are made from the suppressed report, so no small number can reach them. The kind is
 * 'activity_report', which EXPORT_KINDS writes as a plain ZIP: aggregate, suppressed counts only.
 */
export async function exportActivityReport(session: WorkspaceSession, input: ActivityExportInput): Promise<ExportResult> {
  const { workspaceName } = session.requireUnlocked();
  const report = await buildActivityReport(session, input, input.sections);
  const files = [
    { name: 'activity-report.csv', bytes: activityCsv(report, workspaceName) },
    { name: 'activity-report.pdf', bytes: await activityPdf(report, workspaceName) },
  ];
  return writeExport(session, {
    kind: 'activity_report',
    declaration: input.declaration,
    files,
    details: { from: input.from, to: input.to, workerUserId: input.workerUserId, sections: input.sections ? input.sections.join(',') : 'all', threshold: report.threshold },
  });
}
