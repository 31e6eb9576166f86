import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../../../../shared/domain/records';
import { retentionPolicySchema, type RetentionPolicy } from '../../../../shared/ipc/records-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormTextField } from '../../forms/FormTextField';

const years = (shape: keyof RetentionPolicy) => z.string().trim().transform(Number).pipe(retentionPolicySchema.shape[shape]);
const schema = z.object({ closedEpisodesYears: years('closedEpisodesYears'), closedDirectoryEntriesYears: years('closedDirectoryEntriesYears') });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;
const FIELD_MAP = { closedEpisodesYears: 'closedEpisodesYears', closedDirectoryEntriesYears: 'closedDirectoryEntriesYears' } as const;

const asText = (policy: RetentionPolicy): Input => ({
  closedEpisodesYears: String(policy.closedEpisodesYears),
  closedDirectoryEntriesYears: String(policy.closedDirectoryEntriesYears),
});

/** How long each kind of record is kept. The audit log is not on the form: it is never erased. */
export function RetentionPolicyForm({ policy, onSaved }: { policy: RetentionPolicy; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: asText(policy) });
  const submit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      form.reset(asText(await api.retention.updatePolicy(values)));
      setOutcome({ ok: true, message: 'Retention policy saved.' });
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setOutcome({ ok: false, message: errorMessage(error) });
    }
  });
  const range = `Between ${RETENTION_YEARS_MIN} and ${RETENTION_YEARS_MAX} years.`;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label="Retention policy">
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'} sx={{ mt: 1 }}>
          {outcome.message}
        </Alert>
      )}
      <FormTextField
        control={form.control}
        name="closedEpisodesYears"
        label="Keep a person’s record this many years after their last referral closed"
        type="number"
        fullWidth
        hint={`${range} The default, 8, matches the NHS records management code of practice for many adult care records.`}
        slotProps={{ htmlInput: { min: RETENTION_YEARS_MIN, max: RETENTION_YEARS_MAX, step: 1, inputMode: 'numeric' } }}
      />
      <FormTextField
        control={form.control}
        name="closedDirectoryEntriesYears"
        label="Review a closed directory entry’s contact details after this many years"
        type="number"
        fullWidth
        hint={`${range} Contact names, phone numbers and emails of groups that have closed.`}
        slotProps={{ htmlInput: { min: RETENTION_YEARS_MIN, max: RETENTION_YEARS_MAX, step: 1, inputMode: 'numeric' } }}
      />
      <Alert severity="info" sx={{ mt: 2 }}>
        The audit log is kept for the life of the workspace and cannot be erased: each entry is chained to the one before, so removing any would
        break the proof that nothing was changed. It holds ids, codes and counts, never names or notes.
      </Alert>
      <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ mt: 2, display: 'flex' }}>
        Save retention policy
      </Button>
    </form>
  );
}
