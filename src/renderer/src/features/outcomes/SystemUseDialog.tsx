import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { SYSTEM_USE_MAX, SYSTEM_USE_PERIODS, type SystemUsePeriod } from '../../../../shared/domain/outcomes/system-use';
import type { SystemUse } from '../../../../shared/ipc/outcomes-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../format';
import { FormTextField } from '../../forms/FormTextField';

const count = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the number of ${what}`)
    .pipe(z.coerce.number<string>().int('Use a whole number').min(0, 'Use 0 or more').max(SYSTEM_USE_MAX, `Use at most ${SYSTEM_USE_MAX}`));
const schema = z.object({ gpConsultations: count('GP consultations'), aeAttendances: count('A&E attendances') });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  episodeId: string;
  period: SystemUsePeriod;
  window: { from: string; to: string; gpConsultations: number | null; aeAttendances: number | null };
  onClose: () => void;
  onSaved: (systemUse: SystemUse) => void;
}

/** GP consultations and A&E attendances in one 6-month window, counted from the practice record. */
export function SystemUseDialog({ episodeId, period, window, onClose, onSaved }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { gpConsultations: window.gpConsultations?.toString() ?? '', aeAttendances: window.aeAttendances?.toString() ?? '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await api.systemUse.record({ episodeId, period, ...values }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { gpConsultations: 'gpConsultations', aeAttendances: 'aeAttendances' })) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title={`GP and A&E use: ${SYSTEM_USE_PERIODS[period]}`}
      description={`Count from the practice record, from ${formatDate(window.from)} to ${formatDate(window.to)}.`}
      failure={failure}
      submitLabel="Save counts"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="gpConsultations" label="GP consultations" type="number" autoFocus fullWidth margin="normal" slotProps={{ htmlInput: { min: 0, max: SYSTEM_USE_MAX, inputMode: 'numeric' } }} />
      <FormTextField control={form.control} name="aeAttendances" label="A&E attendances" type="number" fullWidth margin="normal" slotProps={{ htmlInput: { min: 0, max: SYSTEM_USE_MAX, inputMode: 'numeric' } }} />
    </FormDialog>
  );
}
