import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { enteredPasswordSchema, usernameSchema } from '../../../../shared/validation';
import { api } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { PageHeading } from '../../components/PageHeading';
import { FormTextField } from '../../forms/FormTextField';
import type { LockReason } from '../../session/session-state';
import { lockMessage, signInFailureMessage } from './sign-in-messages';
import { RecoveryDialog } from './RecoveryDialog';

const signInSchema = z.object({ username: usernameSchema, password: enteredPasswordSchema });
type SignInInput = z.input<typeof signInSchema>;
type SignInValues = z.output<typeof signInSchema>;

interface Props {
  workspaceName: string | null;
  lockReason: LockReason | null;
  idleMinutes: number;
  onSignedIn: () => void;
}

export function SignInScreen({ workspaceName, lockReason, idleMinutes, onSignedIn }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [passwordWasReset, setPasswordWasReset] = useState(false);
  // Derived, not stored: the lock reason can arrive a moment after this screen first shows.
  const notice = passwordWasReset ? 'Password reset. Sign in with your new password.' : lockMessage(lockReason, idleMinutes);
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  const form = useForm<SignInInput, unknown, SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });

  const signIn = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.session.signIn(values);
      onSignedIn();
    } catch (error) {
      // Never leave a password sitting in the page after a failed attempt.
      form.resetField('password');
      setFailure(signInFailureMessage(error));
    }
  });

  const passwordReset = () => {
    setRecoveryOpen(false);
    setFailure(null);
    setPasswordWasReset(true);
  };

  return (
    <AuthLayout>
      <PageHeading focusOnMount={false}>{workspaceName ?? 'Linkdesk'}</PageHeading>
      <Typography sx={{ mb: 2 }}>Sign in to Linkdesk to carry on.</Typography>
      {notice && (
        <Alert severity="info" role="status" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void signIn(event)}>
        <FormTextField control={form.control} name="username" label="User name" autoComplete="username" autoFocus />
        <FormTextField control={form.control} name="password" label="Password" type="password" autoComplete="current-password" />
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 2, mt: 3 }}>
          <Button type="submit" variant="contained" size="large" loading={form.formState.isSubmitting}>
            Sign in
          </Button>
          <Link component="button" type="button" variant="body1" onClick={() => setRecoveryOpen(true)} sx={{ minHeight: 44 }}>
            Forgotten your password?
          </Link>
        </Box>
      </form>
      {recoveryOpen && <RecoveryDialog onClose={() => setRecoveryOpen(false)} onReset={passwordReset} />}
    </AuthLayout>
  );
}
