import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { OutputOf } from '../../../../shared/ipc/contract';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, idleMinutesSchema, workspaceNameSchema } from '../../../../shared/validation';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { useLoad } from '../../api/useLoad';
import { FormTextField } from '../../forms/FormTextField';

// Number inputs hand over text; an empty box becomes 0 so the shared rule says "at least 1".
const schema = z.object({
  workspaceName: workspaceNameSchema,
  idleMinutes: z.string().trim().transform(Number).pipe(idleMinutesSchema),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;
type WorkspaceSettings = OutputOf<'settings', 'get'>;

const FIELD_MAP = { workspaceName: 'workspaceName', idleMinutes: 'idleMinutes' } as const;

export function WorkspaceSection({ onWorkspaceChanged }: { onWorkspaceChanged: () => void }) {
  const settings = useLoad(api.settings.get);
  return (
    <Box component="section" aria-labelledby="workspace-heading" sx={{ maxWidth: 560 }}>
      <Typography id="workspace-heading" variant="h2" component="h2" gutterBottom>
        Workspace
      </Typography>
      {settings.error && <Alert severity="error">{settings.error}</Alert>}
      {settings.data ? (
        <WorkspaceForm initial={settings.data} onSaved={onWorkspaceChanged} />
      ) : (
        !settings.error && <CircularProgress aria-label="Loading the workspace settings" />
      )}
    </Box>
  );
}

function WorkspaceForm({ initial, onSaved }: { initial: WorkspaceSettings; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { workspaceName: initial.workspaceName, idleMinutes: String(initial.idleMinutes) },
  });

  const submit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const saved = await api.settings.update(values);
      form.reset({ workspaceName: saved.workspaceName, idleMinutes: String(saved.idleMinutes) });
      setOutcome({ ok: true, message: 'Workspace settings saved.' });
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setOutcome({ ok: false, message: errorMessage(error) });
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'} sx={{ mt: 1 }}>
          {outcome.message}
        </Alert>
      )}
      <FormTextField control={form.control} name="workspaceName" label="PCN or practice name" autoComplete="organization" />
      <FormTextField
        control={form.control}
        name="idleMinutes"
        label="Lock after this many minutes without activity"
        type="number"
        hint={`Between ${IDLE_MINUTES_MIN} and ${IDLE_MINUTES_MAX} minutes. On shared PCs, shorter is safer.`}
        slotProps={{ htmlInput: { min: IDLE_MINUTES_MIN, max: IDLE_MINUTES_MAX, step: 1, inputMode: 'numeric' } }}
      />
      <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ mt: 2, display: 'flex' }}>
        Save workspace settings
      </Button>
    </form>
  );
}
