import { viewActivityReport } from '../services/reports/activity-report';
import { exportActivityReport } from '../services/reports/export-activity';
import { reportOptions, updateReportSettings } from '../services/reports/report-settings';
import type { Handlers } from './router';

type ReportsHandlers = Pick<Handlers, 'reports'>;

/** Reports channels: one line each, the work is in the services. */
export const reportsHandlers: ReportsHandlers = {
  reports: {
    options: (_input, session) => reportOptions(session),
    updateSettings: (input, session) => updateReportSettings(session, input),
    activity: (input, session) => viewActivityReport(session, input),
    exportActivity: (input, session) => exportActivityReport(session, input),
  },
};
