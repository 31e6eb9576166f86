import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { enteredPasswordSchema, passwordSchema } from '../../../../shared/validation';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormTextField } from '../../forms/FormTextField';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { confirmPasswordSchema, PASSWORD_HINT, passwordsMatch } from '../../forms/passwords';

const schema = z
  .object({ currentPassword: enteredPasswordSchema, newPassword: passwordSchema, confirmNewPassword: confirmPasswordSchema })
  .refine(...passwordsMatch('newPassword', 'confirmNewPassword'));
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

const EMPTY: Input = { currentPassword: '', newPassword: '', confirmNewPassword: '' };
const FIELD_MAP = { currentPassword: 'currentPassword', newPassword: 'newPassword' } as const;

export function MyPasswordSection() {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setOutcome(null);
    try {
      await api.account.changePassword({ currentPassword, newPassword });
      form.reset(EMPTY);
      setOutcome({ ok: true, message: 'Your password has been changed. Use the new one next time you sign in.' });
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setOutcome({ ok: false, message: errorMessage(error) });
    }
  });

  return (
    <Box component="section" aria-labelledby="my-password-heading" sx={{ maxWidth: 560 }}>
      <Typography id="my-password-heading" variant="h2" component="h2" gutterBottom>
        My password
      </Typography>
      <Typography>Change the password you use to sign in. Nobody else, including admins, can see it.</Typography>
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'} sx={{ mt: 2 }}>
          {outcome.message}
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormTextField control={form.control} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
        <NewPasswordFields control={form.control} name="newPassword" confirmName="confirmNewPassword" label="New password" hint={PASSWORD_HINT} />
        <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ mt: 2 }}>
          Change password
        </Button>
      </form>
    </Box>
  );
}
