import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { api, errorMessage } from '../../api/client';

interface Props {
  user: UserSummary;
  onClose: () => void;
  onDisabled: (user: UserSummary) => void;
}

export function DisableUserDialog({ user, onClose, onDisabled }: Props) {
  const titleId = useId();
  const descriptionId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const disable = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDisabled(await api.users.disable({ userId: user.id }));
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={descriptionId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Disable {user.displayName}?</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId}>
          They will not be able to sign in until an admin sets a temporary password for them. Everything they recorded stays
          as it is.
        </DialogContentText>
        {failure && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 3 }}>
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="contained" color="error" loading={busy} onClick={() => void disable()}>
          Disable user
        </Button>
      </DialogActions>
    </Dialog>
  );
}
