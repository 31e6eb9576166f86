import Box from '@mui/material/Box';
import { ACTIVITY_SECTIONS, ACTIVITY_SECTION_CODES, type ActivitySection } from '../../../../shared/domain/reports';
import type { ActivityReport } from '../../../../shared/ipc/reports-schemas';
import { ReportChart } from './ReportChart';

/** Sections with many or long category names are drawn as horizontal bars. */
const HORIZONTAL: ReadonlySet<ActivitySection> = new Set(['referrals_by_source', 'referrals_by_reason', 'referral_status', 'contacts_by_mode', 'contacts_per_person', 'gp_codes', 'closures_by_reason', 'directory_use', 'ons4_change']);

interface Props {
  report: ActivityReport;
  onExport: (section: ActivitySection) => void;
}

/** Every section of the report as a chart, in the report's order. */
export function ActivityCharts({ report, onExport }: Props) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start', gap: 2 }}>
      {ACTIVITY_SECTION_CODES.map((section) => {
        const tables = report.tables.filter((table) => table.section === section);
        if (tables.length === 0) return null;
        return <ReportChart key={section} title={ACTIVITY_SECTIONS[section]} tables={tables} layout={HORIZONTAL.has(section) ? 'horizontal' : 'vertical'} onExport={() => onExport(section)} />;
      })}
    </Box>
  );
}
