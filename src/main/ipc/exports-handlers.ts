import { exportCodingSheet } from '../services/exports/coding-sheet';
import { cancelExportJob, exportJobProgress, startPseudonymisedExtract } from '../services/exports/export-jobs';
import { listExports } from '../services/exports/export-history';
import { exportSubjectAccess } from '../services/exports/subject-access';
import { exportTransferBundle } from '../services/exports/transfer-bundle';
import type { Handlers } from './router';

type ExportsHandlers = Pick<Handlers, 'exports'>;

/** Exports channels: one line each, the work is in the services. */
export const exportsHandlers: ExportsHandlers = {
  exports: {
    list: (input, session) => listExports(session, input),
    subjectAccess: (input, session) => exportSubjectAccess(session, input),
    transferBundle: (input, session) => exportTransferBundle(session, input),
    codingSheet: (input, session) => exportCodingSheet(session, input),
    pseudonymisedExtract: (input, session) => startPseudonymisedExtract(session, input.declaration),
    progress: async (input, session) => exportJobProgress(session, input.jobId),
    cancel: async (input, session) => cancelExportJob(session, input.jobId),
  },
};
