import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { ROLE_LABELS, ROLES } from '../../../../shared/roles';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
import { FormTextField } from '../../forms/FormTextField';
import { addUserSchema, TEMPORARY_PASSWORD_HINT, type AddUserInput, type AddUserValues } from './user-forms';

const FIELD_MAP = { username: 'username', displayName: 'displayName', role: 'role', temporaryPassword: 'temporaryPassword' } as const;

interface Props {
  onClose: () => void;
  onAdded: (user: UserSummary) => void;
}

export function AddUserDialog({ onClose, onAdded }: Props) {
  const titleId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AddUserInput, unknown, AddUserValues>({
    resolver: zodResolver(addUserSchema),
    defaultValues: { username: '', displayName: '', role: 'link_worker', temporaryPassword: '', confirmTemporaryPassword: '' },
  });

  const submit = form.handleSubmit(async ({ username, displayName, role, temporaryPassword }) => {
    setFailure(null);
    try {
      onAdded(await api.users.create({ username, displayName, role, temporaryPassword }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setFailure(errorMessage(error));
    }
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>Add user</DialogTitle>
        <DialogContent>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          <FormTextField
            control={form.control}
            name="username"
            label="User name"
            hint="What they type to sign in, for example j.smith"
            autoComplete="off"
            autoFocus
          />
          <FormTextField control={form.control} name="displayName" label="Full name" autoComplete="off" />
          <FormTextField control={form.control} name="role" label="Role" select hint="Decides what they can see and do.">
            {ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {ROLE_LABELS[role]}
              </MenuItem>
            ))}
          </FormTextField>
          <FormTextField
            control={form.control}
            name="temporaryPassword"
            label="Temporary password"
            type="password"
            hint={TEMPORARY_PASSWORD_HINT}
            autoComplete="new-password"
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
            Add user
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
