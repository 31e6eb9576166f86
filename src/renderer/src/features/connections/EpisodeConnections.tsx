import AddLinkOutlined from '@mui/icons-material/AddLinkOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import { CONNECTION_STATUSES } from '../../../../shared/domain/connections';
import type { Connection } from '../../../../shared/ipc/connections-schemas';
import type { PlanGoal } from '../../../../shared/ipc/plans-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionItem, type ConnectionMove } from './ConnectionItem';
import { MoveConnectionDialog } from './MoveConnectionDialog';

type Dialog = { kind: 'connect' } | { kind: 'move'; connection: Connection; to: ConnectionMove } | null;

interface Props {
  episodeId: string;
  /** The current plan's goals, so a connection can say which one it serves. */
  goals: readonly PlanGoal[];
  /** A link worker on an open referral; GP supervisors and closed referrals read only. */
  canWrite: boolean;
}

/** The referral's connections to groups and services in the directory, newest first. */
export function EpisodeConnections({ episodeId, goals, canWrite }: Props) {
  const headingId = useId();
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => api.connections.list({ episodeId }), [episodeId]);
  const connections = useLoad(load, reloadKey);

  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
    setReloadKey((key) => key + 1);
  };

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h3" component="h4" gutterBottom>
        Connections to groups and services
      </Typography>
      {connections.error && <Alert severity="error">{connections.error}</Alert>}
      {connections.data?.length === 0 && <Typography sx={{ color: 'text.secondary' }}>Not connected to any group or service yet.</Typography>}
      {connections.data && connections.data.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {connections.data.map((connection) => (
            <ConnectionItem
              key={connection.id}
              connection={connection}
              goals={goals}
              onMove={
                canWrite
                  ? (chosen, to) => {
                      setDone(null);
                      setDialog({ kind: 'move', connection: chosen, to });
                    }
                  : undefined
              }
            />
          ))}
        </Box>
      )}
      {canWrite && (
        <Button
          variant="outlined"
          startIcon={<AddLinkOutlined />}
          sx={{ mt: 2 }}
          onClick={() => {
            setDone(null);
            setDialog({ kind: 'connect' });
          }}
        >
          Connect to a service
        </Button>
      )}
      {done && (
        <Alert severity="success" role="status" sx={{ mt: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}

      {dialog?.kind === 'connect' && (
        <ConnectDialog
          episodeId={episodeId}
          goals={goals}
          onClose={() => setDialog(null)}
          onConnected={(connection) => finish(`Connected to ${connection.service.name} (suggested).`)}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveConnectionDialog
          connection={dialog.connection}
          to={dialog.to}
          onClose={() => setDialog(null)}
          onMoved={(connection) => finish(`${connection.service.name}: ${CONNECTION_STATUSES[connection.status].toLowerCase()}.`)}
        />
      )}
    </Box>
  );
}
