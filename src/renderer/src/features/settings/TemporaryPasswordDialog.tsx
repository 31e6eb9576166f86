import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
import { FormTextField } from '../../forms/FormTextField';
import { TEMPORARY_PASSWORD_HINT, temporaryPasswordSchema, type TemporaryPasswordInput, type TemporaryPasswordValues } from './user-forms';

const FIELD_MAP = { temporaryPassword: 'temporaryPassword' } as const;

interface Props {
  user: UserSummary;
  onClose: () => void;
  onSet: (user: UserSummary) => void;
}

/** For someone who forgot their password, or whose disabled account should work again. */
export function TemporaryPasswordDialog({ user, onClose, onSet }: Props) {
  const titleId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TemporaryPasswordInput, unknown, TemporaryPasswordValues>({
    resolver: zodResolver(temporaryPasswordSchema),
    defaultValues: { temporaryPassword: '', confirmTemporaryPassword: '' },
  });

  const submit = form.handleSubmit(async ({ temporaryPassword }) => {
    setFailure(null);
    try {
      onSet(await api.users.setTemporaryPassword({ userId: user.id, temporaryPassword }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setFailure(errorMessage(error));
    }
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>Set a temporary password for {user.displayName}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {user.disabled
              ? 'Their account is disabled. Setting a temporary password turns it back on.'
              : 'Their old password will stop working. Their records are not affected.'}
          </DialogContentText>
          {failure && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          )}
          <FormTextField
            control={form.control}
            name="temporaryPassword"
            label="Temporary password"
            type="password"
            hint={TEMPORARY_PASSWORD_HINT}
            autoComplete="new-password"
            autoFocus
          />
          <FormTextField
            control={form.control}
            name="confirmTemporaryPassword"
            label="Confirm temporary password"
            type="password"
            autoComplete="new-password"
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 3 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            Set temporary password
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
