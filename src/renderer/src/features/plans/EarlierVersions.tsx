import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import { PLAN_STATUSES } from '../../../../shared/domain/plans';
import type { PlanOverview } from '../../../../shared/ipc/plans-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { formatDate } from '../../format';
import { PlanVersionView } from './PlanVersionView';

type Summary = PlanOverview['versions'][number];

function describe(summary: Summary): string {
  return `Version ${summary.version}: ${PLAN_STATUSES[summary.status]}${summary.agreedOn ? ` on ${formatDate(summary.agreedOn)}` : ''}`;
}

function VersionDialog({ summary, onClose }: { summary: Summary; onClose: () => void }) {
  const titleId = useId();
  const load = useCallback(() => api.plans.getVersion({ planVersionId: summary.id }), [summary.id]);
  const version = useLoad(load);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>Plan version {summary.version} (read only)</DialogTitle>
      {/* Focusable, so the keyboard can scroll a long version. */}
      <DialogContent dividers tabIndex={0} role="region" aria-labelledby={titleId}>
        {version.error && <Alert severity="error">{version.error}</Alert>}
        {version.data ? <PlanVersionView version={version.data} headingLevel="h3" /> : !version.error && <CircularProgress aria-label="Opening the version" />}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Versions before the current one, each opened read-only. */
export function EarlierVersions({ versions, currentId }: { versions: readonly Summary[]; currentId: string }) {
  const headingId = useId();
  const [open, setOpen] = useState<Summary | null>(null);
  const earlier = versions.filter((summary) => summary.id !== currentId);
  if (earlier.length === 0) return null;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 2 }}>
      <Typography id={headingId} variant="h6" component="h5" sx={{ fontSize: '1.05rem', mb: 1 }}>
        Earlier versions
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {earlier.map((summary) => (
          <li key={summary.id}>
            <Button variant="text" onClick={() => setOpen(summary)} sx={{ textTransform: 'none', px: 0.5 }}>
              {describe(summary)}
            </Button>
          </li>
        ))}
      </Box>
      {open && <VersionDialog summary={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
