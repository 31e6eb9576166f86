import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { CONNECTION_STATUSES, CONNECTION_TRANSITIONS, type ConnectionStatus } from '../../../../shared/domain/connections';
import type { Connection } from '../../../../shared/ipc/connections-schemas';
import type { PlanGoal } from '../../../../shared/ipc/plans-schemas';
import { DetailList } from '../person/DetailList';
import { verbatimSx } from '../plans/plan-fields';
import { ConnectionStatusChip, describeHistoryEntry, sinceWhen } from './connection-words';
import { goalLabel } from './goal-words';

export type ConnectionMove = Exclude<ConnectionStatus, 'suggested'>;

interface Props {
  connection: Connection;
  goals: readonly PlanGoal[];
  /** Absent for people who only read (GP supervisors) and on closed referrals. */
  onMove: ((connection: Connection, to: ConnectionMove) => void) | undefined;
}

/** One connection: the service, where it stands and since when, the goal it serves, its notes and history. */
export function ConnectionItem({ connection, goals, onMove }: Props) {
  const forward = CONNECTION_TRANSITIONS[connection.status].find((status): status is ConnectionMove => status !== 'stopped');
  const canStop = CONNECTION_TRANSITIONS[connection.status].includes('stopped');
  const name = connection.service.name;
  return (
    <Box component="li" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        <Typography component="h5" sx={{ fontWeight: 700, fontSize: '1.05rem', overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        <ConnectionStatusChip status={connection.status} />
      </Box>
      <Typography variant="body2" sx={{ mb: 1.5, overflowWrap: 'anywhere' }}>
        {connection.service.organisationName}
        {connection.service.status !== 'active' && ` · the service is now ${connection.service.status}`}
      </Typography>
      <DetailList
        labelWidth="12rem"
        items={[
          ['Where it stands', sinceWhen(connection)],
          ['Goal it serves', connection.goalId ? goalLabel(goals, connection.goalId) : 'Not for one goal in particular'],
          ['Warm-handover note', <Box component="span" sx={verbatimSx}>{connection.handoverNote || 'None written'}</Box>],
          ...(connection.stopNote ? ([['Why it stopped', <Box component="span" sx={verbatimSx}>{connection.stopNote}</Box>]] as const) : []),
          [
            'History',
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {connection.history.map((entry, index) => (
                <li key={index}>{describeHistoryEntry(entry)}</li>
              ))}
            </Box>,
          ],
        ]}
      />
      {onMove && (forward || canStop) && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
          {forward && (
            <Button variant="outlined" startIcon={<ArrowForwardOutlined />} onClick={() => onMove(connection, forward)} aria-label={`Mark as ${CONNECTION_STATUSES[forward].toLowerCase()}: ${name}`}>
              Mark as {CONNECTION_STATUSES[forward].toLowerCase()}
            </Button>
          )}
          {canStop && (
            <Button variant="outlined" color="inherit" startIcon={<StopCircleOutlined />} onClick={() => onMove(connection, 'stopped')} aria-label={`Stop: ${name}`}>
              Stop
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
