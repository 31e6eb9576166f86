import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { SupervisionAction } from '../../../../shared/ipc/supervision-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { ActionList } from './ActionList';
import { CompleteActionDialog } from './CompleteActionDialog';

type Status = 'open' | 'done' | 'all';
const STATUSES: Record<Status, string> = { open: 'Still to do', done: 'Done', all: 'All' };

/** Actions across all the pair's sessions, with their status; open ones can be ticked off here. */
export function ActionsPanel({ pairId }: { pairId: string }) {
  const headingId = useId();
  const [status, setStatus] = useState<Status>('open');
  const [reloadKey, setReloadKey] = useState(0);
  const [completing, setCompleting] = useState<SupervisionAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => api.supervision.actions({ pairId, status }), [pairId, status]);
  const actions = useLoad(load, reloadKey);
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography id={headingId} variant="h2" component="h2">
          Actions across sessions
        </Typography>
        <TextField select label="Show" value={status} onChange={(event) => setStatus(event.target.value as Status)} margin="none" sx={{ width: 200 }}>
          {Object.entries(STATUSES).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {actions.error && <Alert severity="error">{actions.error}</Alert>}
      {!actions.data && !actions.error && <CircularProgress aria-label="Loading actions" />}
      {actions.data && <ActionList actions={actions.data} showOrigin empty={status === 'open' ? 'Nothing still to do.' : 'No actions.'} onComplete={setCompleting} />}
      {completing && (
        <CompleteActionDialog
          action={completing}
          onClose={() => setCompleting(null)}
          onDone={() => {
            setCompleting(null);
            setDone('The action is marked done.');
            setReloadKey((key) => key + 1);
          }}
        />
      )}
    </Box>
  );
}
