import Typography from '@mui/material/Typography';
import { ACTIVITY_SECTIONS, type ActivitySection } from '../../../../shared/domain/reports';
import { api } from '../../api/client';
import { ExportDialog } from '../exports/ExportDialog';
import { formatDate } from '../../format';

interface Props {
  from: string;
  to: string;
  workerUserId: string | null;
  workerName: string | null;
  /** One chart's section, or null for the whole report with its main figures. */
  sections: ActivitySection[] | null;
  onClose: () => void;
}

/** The activity report (or one chart) through the one export path: a CSV and a PDF, suppressed in main. */
export function ActivityExportDialog({ from, to, workerUserId, workerName, sections, onClose }: Props) {
  const what = sections ? sections.map((section) => ACTIVITY_SECTIONS[section]).join(', ') : 'The whole activity report, with its main figures';
  return (
    <ExportDialog
      kind="activity_report"
      onClose={onClose}
      run={(declaration) => api.reports.exportActivity({ from, to, workerUserId, ...(sections ? { sections } : {}), declaration })}
      intro={
        <Typography>
          {what}, from {formatDate(from)} to {formatDate(to)}, for {workerName ?? 'everyone'}: a CSV file for spreadsheets and a PDF with charts.
        </Typography>
      }
    />
  );
}
