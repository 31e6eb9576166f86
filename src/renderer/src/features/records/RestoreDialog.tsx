import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { BackupInfo, BackupVerification } from '../../../../shared/ipc/records-schemas';
import { enteredPasswordSchema, recoveryKeySchema, usernameSchema } from '../../../../shared/validation';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { formatDateTime } from '../../format';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

const METHODS = { password: 'An admin’s user name and password from when the backup was made', recovery_key: 'The recovery key' } as const;

function schemaFor(mode: 'verify' | 'restore') {
  return z
    .object({
      method: z.enum(['password', 'recovery_key']),
      username: z.string(),
      password: z.string(),
      recoveryKey: z.string(),
      understood: z.boolean(),
    })
    .superRefine((values, context) => {
      const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
      if (values.method === 'password') {
        const user = usernameSchema.safeParse(values.username);
        if (!user.success) problem('username', user.error.issues[0]!.message);
        const password = enteredPasswordSchema.safeParse(values.password);
        if (!password.success) problem('password', 'Enter the password');
      } else {
        const key = recoveryKeySchema.safeParse(values.recoveryKey);
        if (!key.success) problem('recoveryKey', key.error.issues[0]!.message);
      }
      if (mode === 'restore' && !values.understood) problem('understood', 'Tick to confirm that you understand what is lost');
    });
}
type Values = z.infer<ReturnType<typeof schemaFor>>;

const FIELD_MAP = { username: 'username', password: 'password', recoveryKey: 'recoveryKey' } as const;

interface Props {
  backup: BackupInfo;
  mode: 'verify' | 'restore';
  onClose: () => void;
}

function Checks({ verification }: { verification: BackupVerification }) {
  const passed = verification.checks.every((check) => check.ok);
  return (
    <>
      <Alert severity={passed ? 'success' : 'error'} role="status" sx={{ mt: 2 }}>
        {passed ? 'The backup passed every check.' : 'The backup did not pass its checks.'}
      </Alert>
      <List dense aria-label="Checks">
        {verification.checks.map((check) => (
          <ListItem key={check.name}>
            <ListItemText primary={`${check.ok ? 'Passed' : 'Failed'}: ${check.name}`} secondary={check.message} />
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** Checks a backup, or checks it and then restores it, after asking for a secret that opens it. */
export function RestoreDialog({ backup, mode, onClose }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [verification, setVerification] = useState<BackupVerification | null>(null);
  const [restored, setRestored] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(mode)),
    defaultValues: { method: 'password', username: '', password: '', recoveryKey: '', understood: false },
  });
  const method = useWatch({ control: form.control, name: 'method' });
  const made = formatDateTime(backup.createdAt);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setVerification(null);
    const secret =
      values.method === 'password'
        ? { method: 'password' as const, backupPath: backup.path, username: values.username, password: values.password }
        : { method: 'recovery_key' as const, backupPath: backup.path, recoveryKey: values.recoveryKey };
    try {
      if (mode === 'verify') setVerification(await api.backup.verify(secret));
      else {
        setVerification(await api.backup.restore(secret));
        setRestored(true);
      }
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={mode === 'verify' ? 'Check a backup' : 'Restore a backup'}
      description={
        mode === 'verify'
          ? `Linkdesk opens the backup made ${made} and checks it: its file, key, integrity, audit log and version. Nothing changes.`
          : `Everything recorded since ${made} will be lost. Linkdesk checks the backup first; only if every check passes does it replace this workspace, then it locks so everyone signs in again.`
      }
      failure={failure}
      submitLabel={mode === 'verify' ? 'Check backup' : 'Check and restore'}
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={restored ? (event) => event.preventDefault() : submit}
    >
      {restored && (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          The workspace was restored from the backup made {made}. Linkdesk is now locked: sign in again.
        </Alert>
      )}
      {verification && <Checks verification={verification} />}
      {!restored && (
        <>
          <FormRadioGroup control={form.control} name="method" legend="Open the backup with" options={METHODS} />
          {method === 'password' ? (
            <>
              <FormTextField control={form.control} name="username" label="User name" autoComplete="off" fullWidth />
              <FormTextField control={form.control} name="password" label="Password" type="password" autoComplete="off" fullWidth />
            </>
          ) : (
            <FormTextField control={form.control} name="recoveryKey" label="Recovery key" autoComplete="off" fullWidth hint="32 letters and numbers, in 8 groups of 4" />
          )}
          {mode === 'restore' && <FormCheckbox control={form.control} name="understood" label={`I understand that everything recorded after ${made} will be lost`} />}
        </>
      )}
    </FormDialog>
  );
}
