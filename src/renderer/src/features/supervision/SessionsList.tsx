import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { MyPair } from '../../../../shared/ipc/supervision-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { ToneChip } from '../../components/ToneChip';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate, formatDateTime } from '../../format';
import { NewSessionDialog } from './NewSessionDialog';
import { sessionStatus } from './supervision-words';

interface Props {
  pair: MyPair;
  user: SessionUser;
  onOpen: (sessionId: string) => void;
  onChanged: () => void;
}

/** The pair's sessions, newest first, with the way to prepare the next one. */
export function SessionsList({ pair, user, onOpen, onChanged }: Props) {
  const headingId = useId();
  const load = useCallback(() => api.supervision.sessions({ pairId: pair.id }), [pair.id]);
  const sessions = useLoad(load);
  const [starting, setStarting] = useState(false);
  const isWorker = user.role === 'link_worker';

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography id={headingId} variant="h2" component="h2">
          Sessions
        </Typography>
        {pair.openSessionId ? (
          <Button variant="contained" onClick={() => onOpen(pair.openSessionId!)}>
            Open the current session
          </Button>
        ) : (
          <Button variant="contained" startIcon={<EventNoteOutlined />} onClick={() => setStarting(true)}>
            {isWorker ? 'Prepare the next session' : 'Start a session'}
          </Button>
        )}
      </Box>
      {sessions.error && <Alert severity="error">{sessions.error}</Alert>}
      {!sessions.data && !sessions.error && <CircularProgress aria-label="Loading sessions" />}
      {sessions.data?.length === 0 && <Typography>No sessions yet. {isWorker ? 'Prepare the first one: the agenda is built from your caseload.' : ''}</Typography>}
      {sessions.data && sessions.data.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-labelledby={headingId}>
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Cases on the agenda</TableCell>
                <TableCell>Signed off</TableCell>
                <TableCell>Open</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.data.map((session) => {
                const status = sessionStatus(session);
                return (
                  <TableRow key={session.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(session.heldOn)}</TableCell>
                    <TableCell>
                      <ToneChip label={status.label} tone={status.tone} />
                    </TableCell>
                    <TableCell>{session.agendaItems}</TableCell>
                    <TableCell>{session.signedAt ? `${session.signedBy ?? ''}, ${formatDateTime(session.signedAt)}` : 'Not yet'}</TableCell>
                    <TableCell>
                      <Button variant="outlined" onClick={() => onOpen(session.id)}>
                        Open<VisuallyHidden> the session of {formatDate(session.heldOn)}</VisuallyHidden>
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {starting && (
        <NewSessionDialog
          pair={pair}
          forWorker={isWorker}
          onClose={() => setStarting(false)}
          onStarted={(session) => {
            setStarting(false);
            onChanged();
            onOpen(session.id);
          }}
        />
      )}
    </Box>
  );
}
