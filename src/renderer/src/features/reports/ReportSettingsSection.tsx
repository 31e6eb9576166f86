import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { SMALL_NUMBER_THRESHOLD_MAX, SMALL_NUMBER_THRESHOLD_MIN } from '../../../../shared/domain/reports';
import { thresholdSchema } from '../../../../shared/ipc/reports-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { useLoad } from '../../api/useLoad';
import { FormTextField } from '../../forms/FormTextField';

// The number box hands over text; the contract's own rule says what is wrong with it.
const schema = z.object({ threshold: z.string().trim().transform(Number).pipe(thresholdSchema) });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

/** The small-number threshold every aggregate report uses (admins only). */
export function ReportSettingsSection() {
  const options = useLoad(api.reports.options);
  return (
    <Box component="section" aria-labelledby="report-settings-heading" sx={{ maxWidth: 560 }}>
      <Typography id="report-settings-heading" variant="h2" component="h2" gutterBottom>
        Reports
      </Typography>
      {options.error && <Alert severity="error">{options.error}</Alert>}
      {options.data ? <ThresholdForm threshold={options.data.threshold} /> : !options.error && <CircularProgress aria-label="Loading the report settings" />}
    </Box>
  );
}

function ThresholdForm({ threshold }: { threshold: number }) {
  const [saved, setSaved] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { threshold: String(threshold) } });
  const typed = Number(useWatch({ control: form.control, name: 'threshold' }));
  const example = Number.isInteger(typed) && typed >= SMALL_NUMBER_THRESHOLD_MIN && typed <= SMALL_NUMBER_THRESHOLD_MAX ? typed : threshold;

  const submit = form.handleSubmit(async (values) => {
    setSaved(null);
    try {
      const result = await api.reports.updateSettings(values);
      form.reset({ threshold: String(result.threshold) });
      setSaved({ ok: true, message: `Reports now show counts from 1 to ${result.threshold - 1} as “<${result.threshold}”.` });
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { threshold: 'threshold' })) setSaved({ ok: false, message: errorMessage(error) });
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {saved && (
        <Alert severity={saved.ok ? 'success' : 'error'} role={saved.ok ? 'status' : 'alert'} sx={{ mt: 1 }}>
          {saved.message}
        </Alert>
      )}
      <FormTextField
        control={form.control}
        name="threshold"
        label="Small-number threshold"
        type="number"
        hint={`Counts from 1 to ${example - 1} show as “<${example}”. Between ${SMALL_NUMBER_THRESHOLD_MIN} and ${SMALL_NUMBER_THRESHOLD_MAX}; the NHS habit is 8.`}
        slotProps={{ htmlInput: { min: SMALL_NUMBER_THRESHOLD_MIN, max: SMALL_NUMBER_THRESHOLD_MAX, step: 1, inputMode: 'numeric' } }}
      />
      <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ mt: 2, display: 'flex' }}>
        Save report settings
      </Button>
    </form>
  );
}
