import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { TEMPORARY_PASSWORD_HINT, temporaryPasswordSchema, type TemporaryPasswordInput, type TemporaryPasswordValues } from './user-forms';

const FIELD_MAP = { temporaryPassword: 'temporaryPassword' } as const;

interface Props {
  user: UserSummary;
  onClose: () => void;
  onSet: (user: UserSummary) => void;
}

/** For someone who forgot their password, or whose disabled account should work again. */
export function TemporaryPasswordDialog({ user, onClose, onSet }: Props) {
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
    <FormDialog
      title={`Set a temporary password for ${user.displayName}`}
      description={
        user.disabled
          ? 'Their account is disabled. Setting a temporary password turns it back on.'
          : 'Their old password will stop working. Their records are not affected.'
      }
      failure={failure}
      submitLabel="Set temporary password"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <NewPasswordFields
        control={form.control}
        name="temporaryPassword"
        confirmName="confirmTemporaryPassword"
        label="Temporary password"
        hint={TEMPORARY_PASSWORD_HINT}
        autoFocus
      />
    </FormDialog>
  );
}
