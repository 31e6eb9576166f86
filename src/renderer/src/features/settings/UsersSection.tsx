import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { AddUserDialog } from './AddUserDialog';
import { DisableUserDialog } from './DisableUserDialog';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import { UsersTable } from './UsersTable';

type OpenDialog = { kind: 'add' } | { kind: 'disable'; user: UserSummary } | { kind: 'temporary'; user: UserSummary } | null;

const HEADING_ID = 'users-heading';

/** Admins add people, disable accounts and set temporary passwords. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const [reloadKey, setReloadKey] = useState(0);
  const users = useLoad(api.users.list, reloadKey);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [done, setDone] = useState<string | null>(null);

  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
    setReloadKey((key) => key + 1);
  };

  return (
    <Box component="section" aria-labelledby={HEADING_ID}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography id={HEADING_ID} variant="h2" component="h2">
          Users
        </Typography>
        <Button
          variant="contained"
          startIcon={<PersonAddOutlined />}
          onClick={() => {
            setDone(null);
            setDialog({ kind: 'add' });
          }}
        >
          Add user
        </Button>
      </Box>
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {users.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {users.error}
        </Alert>
      )}
      {users.data ? (
        <UsersTable
          users={users.data}
          currentUserId={currentUserId}
          labelledBy={HEADING_ID}
          onDisable={(user) => setDialog({ kind: 'disable', user })}
          onSetTemporaryPassword={(user) => setDialog({ kind: 'temporary', user })}
        />
      ) : (
        !users.error && <CircularProgress aria-label="Loading users" />
      )}
      {dialog?.kind === 'add' && (
        <AddUserDialog
          onClose={() => setDialog(null)}
          onAdded={(user) => finish(`${user.displayName} has been added. Give them the temporary password in person or by phone.`)}
        />
      )}
      {dialog?.kind === 'disable' && (
        <DisableUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDisabled={(user) => finish(`${user.displayName} can no longer sign in.`)}
        />
      )}
      {dialog?.kind === 'temporary' && (
        <TemporaryPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSet={(user) => finish(`Temporary password set. ${user.displayName} can now sign in with it.`)}
        />
      )}
    </Box>
  );
}
