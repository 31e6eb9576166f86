import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { useCallback, useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { CohortOutcomes } from '../outcomes/CohortOutcomes';
import type { ActivitySection } from '../../../../shared/domain/reports';
import type { ActivityReport } from '../../../../shared/ipc/reports-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../format';
import { ActivityCharts } from './ActivityCharts';
import { ActivityExportDialog } from './ActivityExportDialog';
import { HeadlineFigures } from './HeadlineFigures';
import { ReportFilters, defaultFilters, periodProblem, type ReportFilterValues } from './ReportFilters';

/** What the export dialog is for: the whole report, or one chart's section. */
type ExportTarget = { sections: ActivitySection[] | null } | null;

/**
 * The Reports area: the activity report for a period and link worker, as headline figures and
 * charts. Every number arrives already suppressed by main; this page only draws it.
 */
export function ReportsPage({ user }: { user: SessionUser }) {
  void user;
  const [filters, setFilters] = useState<ReportFilterValues>(() => defaultFilters());
  const [exportTarget, setExportTarget] = useState<ExportTarget>(null);
  const options = useLoad(api.reports.options);
  const problem = periodProblem(filters);
  const { from, to, workerUserId } = filters;
  const load = useCallback(
    (): Promise<ActivityReport | null> => (problem ? Promise.resolve(null) : api.reports.activity({ from, to, workerUserId: workerUserId || null })),
    [from, to, workerUserId, problem],
  );
  const report = useLoad(load);

  return (
    <>
      <PageHeading>Reports</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Activity for the PCN and commissioners: counts only, never anyone’s details. Counts from 1 to {(options.data?.threshold ?? 8) - 1} show as “&lt;
        {options.data?.threshold ?? 8}”, and a count that would let someone work one out is hidden as “*”.
      </Typography>
      <ReportFilters values={filters} onChange={setFilters} workers={options.data?.workers ?? []} />
      <Box component="section" aria-labelledby="activity-report-heading" sx={{ mb: 4 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: 2, mb: 2 }}>
          <Typography id="activity-report-heading" variant="h2" component="h2">
            Activity report
            {report.data && (
              <Typography component="span" sx={{ display: 'block', fontSize: '1rem', fontWeight: 400, color: 'text.secondary' }}>
                {formatDate(report.data.from)} to {formatDate(report.data.to)}, {report.data.worker ? report.data.worker.displayName : 'everyone'}
              </Typography>
            )}
          </Typography>
          <Button variant="contained" startIcon={<FileDownloadOutlined />} disabled={!report.data} onClick={() => setExportTarget({ sections: null })}>
            Export the activity report
          </Button>
        </Box>
        {(options.error || report.error) && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {options.error ?? report.error}
          </Alert>
        )}
        {!report.data && report.loading && <CircularProgress aria-label="Loading the report" />}
        {report.data && (
          <Box aria-busy={report.loading}>
            <HeadlineFigures headline={report.data.headline} />
            <ActivityCharts report={report.data} onExport={(section) => setExportTarget({ sections: [section] })} />
          </Box>
        )}
      </Box>
      <CohortOutcomes />
      {exportTarget && report.data && (
        <ActivityExportDialog
          from={report.data.from}
          to={report.data.to}
          workerUserId={report.data.worker?.id ?? null}
          workerName={report.data.worker?.displayName ?? null}
          sections={exportTarget.sections}
          onClose={() => setExportTarget(null)}
        />
      )}
    </>
  );
}
