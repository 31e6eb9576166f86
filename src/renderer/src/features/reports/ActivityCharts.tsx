import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ACTIVITY_SECTIONS, ACTIVITY_SECTION_CODES, type ActivitySection } from '../../../../shared/domain/reports';
import type { ActivityReport } from '../../../../shared/ipc/reports-schemas';
import { ReportChart } from './ReportChart';

/** Sections with many or long category names are drawn as horizontal bars. */
const HORIZONTAL: ReadonlySet<ActivitySection> = new Set(['referrals_by_source', 'referrals_by_reason', 'referral_status', 'contacts_by_mode', 'contacts_per_person', 'gp_codes', 'closures_by_reason', 'directory_use']);

interface Props {
  report: ActivityReport;
  onExport: (section: ActivitySection) => void;
}

/** Every section of the report as a chart, in the report's order; sections not available say why. */
export function ActivityCharts({ report, onExport }: Props) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start', gap: 2 }}>
      {ACTIVITY_SECTION_CODES.map((section) => {
        const tables = report.tables.filter((table) => table.section === section);
        const unavailable = report.unavailable.find((item) => item.section === section);
        if (unavailable) {
          return (
            <Paper key={section} component="section" variant="outlined" aria-labelledby={`unavailable-${section}`} sx={{ p: 2 }}>
              <Typography id={`unavailable-${section}`} variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 1 }}>
                {ACTIVITY_SECTIONS[section]}
              </Typography>
              <Alert severity="info">{unavailable.reason}</Alert>
            </Paper>
          );
        }
        if (tables.length === 0) return null;
        return <ReportChart key={section} title={ACTIVITY_SECTIONS[section]} tables={tables} layout={HORIZONTAL.has(section) ? 'horizontal' : 'vertical'} onExport={() => onExport(section)} />;
      })}
    </Box>
  );
}
