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
import { z } from 'zod';
import { passwordSchema, recoveryKeySchema, usernameSchema } from '../../../../shared/validation';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
import { FormTextField } from '../../forms/FormTextField';
import { confirmPasswordSchema, PASSWORD_HINT, passwordsMatch } from '../../forms/passwords';

const recoverySchema = z
  .object({
    username: usernameSchema,
    recoveryKey: recoveryKeySchema,
    newPassword: passwordSchema,
    confirmNewPassword: confirmPasswordSchema,
  })
  .refine(...passwordsMatch('newPassword', 'confirmNewPassword'));
type RecoveryInput = z.input<typeof recoverySchema>;
type RecoveryValues = z.output<typeof recoverySchema>;

const FIELD_MAP = { username: 'username', recoveryKey: 'recoveryKey', newPassword: 'newPassword' } as const;

interface Props {
  onClose: () => void;
  onReset: () => void;
}

/** Sets a new password with the recovery key from set-up, for when no admin can help. */
export function RecoveryDialog({ onClose, onReset }: Props) {
  const titleId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RecoveryInput, unknown, RecoveryValues>({
    resolver: zodResolver(recoverySchema),
    defaultValues: { username: '', recoveryKey: '', newPassword: '', confirmNewPassword: '' },
  });

  const submit = form.handleSubmit(async ({ username, recoveryKey, newPassword }) => {
    setFailure(null);
    try {
      await api.session.resetPasswordWithRecoveryKey({ username, recoveryKey, newPassword });
      onReset();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setFailure(errorMessage(error));
    }
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>Reset your password with the recovery key</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Use the recovery key that was shown when Linkdesk was set up. If you do not have it, ask an admin: they can set a
            temporary password for you in Settings.
          </DialogContentText>
          {failure && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          )}
          <FormTextField control={form.control} name="username" label="User name" autoComplete="username" autoFocus />
          <FormTextField control={form.control} name="recoveryKey" label="Recovery key" autoComplete="off" spellCheck={false} />
          <FormTextField
            control={form.control}
            name="newPassword"
            label="New password"
            type="password"
            hint={PASSWORD_HINT}
            autoComplete="new-password"
          />
          <FormTextField control={form.control} name="confirmNewPassword" label="Confirm new password" type="password" autoComplete="new-password" />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 3 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            Reset password
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
