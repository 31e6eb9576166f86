import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema, recoveryKeySchema, usernameSchema } from '../../../../shared/validation';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
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
    <FormDialog
      title="Reset your password with the recovery key"
      description="Use the recovery key that was shown when Linkdesk was set up. If you do not have it, ask an admin: they can set a temporary password for you in Settings."
      failure={failure}
      submitLabel="Reset password"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="username" label="User name" autoComplete="username" autoFocus />
      <FormTextField control={form.control} name="recoveryKey" label="Recovery key" autoComplete="off" spellCheck={false} />
      <NewPasswordFields control={form.control} name="newPassword" confirmName="confirmNewPassword" label="New password" hint={PASSWORD_HINT} />
    </FormDialog>
  );
}
