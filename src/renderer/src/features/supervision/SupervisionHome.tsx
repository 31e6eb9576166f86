import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { MyPair } from '../../../../shared/ipc/supervision-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { plural } from '../../format';
import { ActionsPanel } from './ActionsPanel';
import { HistorySearch } from './HistorySearch';
import { SessionsList } from './SessionsList';
import { SessionWorkspaceView } from './SessionWorkspaceView';

type TabId = 'sessions' | 'actions' | 'history';
const TABS: { id: TabId; label: string }[] = [
  { id: 'sessions', label: 'Sessions' },
  { id: 'actions', label: 'Actions' },
  { id: 'history', label: 'Search past sessions' },
];

/** Who the signed-in person is paired with, as the picker says it. */
function partnerOf(pair: MyPair, user: SessionUser): string {
  return user.role === 'gp_supervisor' ? pair.worker.displayName : pair.supervisor.displayName;
}

/** A link worker's or GP supervisor's supervision: choose the pair, then sessions, actions and history. */
export function SupervisionHome({ user }: { user: SessionUser }) {
  const [reloadKey, setReloadKey] = useState(0);
  const pairs = useLoad(api.supervision.pairs, reloadKey);
  const [chosen, setChosen] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('sessions');
  const [openSession, setOpenSession] = useState<string | null>(null);
  const ids = { tabs: useId(), picker: useId() };
  const isSupervisor = user.role === 'gp_supervisor';

  if (pairs.error) return <Alert severity="error">{pairs.error}</Alert>;
  if (!pairs.data) return <CircularProgress aria-label="Loading your supervision" />;
  if (pairs.data.length === 0) {
    return (
      <Typography sx={{ maxWidth: '70ch' }}>
        {isSupervisor
          ? 'No link workers are assigned to you for supervision yet. An admin assigns them on this page.'
          : 'You do not have a GP supervisor assigned yet. An admin assigns one on this page.'}
      </Typography>
    );
  }
  const pair = pairs.data.find((candidate) => candidate.id === chosen) ?? pairs.data[0]!;
  const refresh = () => setReloadKey((key) => key + 1);

  if (openSession) {
    return (
      <SessionWorkspaceView
        sessionId={openSession}
        onBack={() => {
          setOpenSession(null);
          refresh();
        }}
      />
    );
  }

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mt: 1, mb: 2 }}>
        {pairs.data.length > 1 ? (
          <TextField
            id={ids.picker}
            select
            label={isSupervisor ? 'Supervisee' : 'GP supervisor'}
            value={pair.id}
            onChange={(event) => setChosen(event.target.value)}
            sx={{ minWidth: 260 }}
            margin="none"
          >
            {pairs.data.map((candidate) => (
              <MenuItem key={candidate.id} value={candidate.id}>
                {partnerOf(candidate, user)}
                {candidate.overdueSessions > 0 ? ' (sign-off overdue)' : ''}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <Typography>
            {isSupervisor ? 'Supervising ' : 'Your GP supervisor is '}
            <strong>{partnerOf(pair, user)}</strong>.
          </Typography>
        )}
      </Box>
      {pair.overdueSessions > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {plural(pair.overdueSessions, 'session has', 'sessions have')} waited more than 7 days to be signed off.{' '}
          {isSupervisor ? 'Review and sign it off, or speak to the link worker.' : 'Remind your GP supervisor to sign it off.'}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_event, value: TabId) => setTab(value)} aria-label="Supervision" sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        {TABS.map((entry) => (
          <Tab key={entry.id} value={entry.id} label={entry.label} id={`${ids.tabs}-${entry.id}`} aria-controls={`${ids.tabs}-${entry.id}-panel`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`${ids.tabs}-${tab}-panel`} aria-labelledby={`${ids.tabs}-${tab}`}>
        {tab === 'sessions' && <SessionsList key={pair.id} pair={pair} user={user} onOpen={setOpenSession} onChanged={refresh} />}
        {tab === 'actions' && <ActionsPanel key={pair.id} pairId={pair.id} />}
        {tab === 'history' && <HistorySearch key={pair.id} pairId={pair.id} onOpen={setOpenSession} />}
      </Box>
    </>
  );
}
