import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { DIRECTORY_STALE_MONTHS_MAX, DIRECTORY_STALE_MONTHS_MIN } from '../../../../shared/domain/directory';
import { directoryAreas } from '../../../../shared/ipc/directory-contract';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { useLoad } from '../../api/useLoad';
import { FormTextField } from '../../forms/FormTextField';

// The number box hands over text; the contract's own rule says what is wrong with it.
const schema = z.object({ staleMonths: z.string().trim().transform(Number).pipe(directoryAreas.directory.updateSettings.input.shape.staleMonths) });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

const FIELD_MAP = { staleMonths: 'staleMonths' } as const;

/** How long a directory entry may go unchecked before it is flagged (admins only). */
export function DirectorySettingsSection() {
  const settings = useLoad(api.directory.settings);
  return (
    <Box component="section" aria-labelledby="directory-settings-heading" sx={{ maxWidth: 560 }}>
      <Typography id="directory-settings-heading" variant="h2" component="h2" gutterBottom>
        Directory
      </Typography>
      {settings.error && <Alert severity="error">{settings.error}</Alert>}
      {settings.data ? (
        <DirectorySettingsForm staleMonths={settings.data.staleMonths} />
      ) : (
        !settings.error && <CircularProgress aria-label="Loading the directory settings" />
      )}
    </Box>
  );
}

function DirectorySettingsForm({ staleMonths }: { staleMonths: number }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { staleMonths: String(staleMonths) } });

  const submit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const saved = await api.directory.updateSettings(values);
      form.reset({ staleMonths: String(saved.staleMonths) });
      setOutcome({ ok: true, message: 'Directory settings saved.' });
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
      <FormTextField
        control={form.control}
        name="staleMonths"
        label="Directory entries go stale after this many months"
        type="number"
        hint={`Between ${DIRECTORY_STALE_MONTHS_MIN} and ${DIRECTORY_STALE_MONTHS_MAX} months. Entries not checked for this long are flagged so someone checks them.`}
        slotProps={{ htmlInput: { min: DIRECTORY_STALE_MONTHS_MIN, max: DIRECTORY_STALE_MONTHS_MAX, step: 1, inputMode: 'numeric' } }}
      />
      <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ mt: 2, display: 'flex' }}>
        Save directory settings
      </Button>
    </form>
  );
}
