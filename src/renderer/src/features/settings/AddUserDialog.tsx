import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { ROLE_LABELS, ROLES } from '../../../../shared/roles';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { addUserSchema, TEMPORARY_PASSWORD_HINT, type AddUserInput, type AddUserValues } from './user-forms';

const FIELD_MAP = { username: 'username', displayName: 'displayName', role: 'role', temporaryPassword: 'temporaryPassword' } as const;

interface Props {
  onClose: () => void;
  onAdded: (user: UserSummary) => void;
}

export function AddUserDialog({ onClose, onAdded }: Props) {
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
    <FormDialog
      title="Add user"
      failure={failure}
      submitLabel="Add user"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
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
      <NewPasswordFields
        control={form.control}
        name="temporaryPassword"
        confirmName="confirmTemporaryPassword"
        label="Temporary password"
        hint={TEMPORARY_PASSWORD_HINT}
      />
    </FormDialog>
  );
}
