import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({ dueOn: z.union([z.literal(''), z.iso.date('Use a real date')]) });
type Values = z.infer<typeof schema>;

interface Props {
  episodeId: string;
  dueOn: string | null;
  onClose: () => void;
  onSaved: (dueOn: string | null) => void;
}

/** Moves the next wellbeing follow-up, or clears it. */
export function FollowUpDialog({ episodeId, dueOn, onClose, onSaved }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { dueOn: dueOn ?? '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved((await api.outcomes.scheduleFollowUp({ episodeId, dueOn: values.dueOn })).dueOn);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { dueOn: 'dueOn' })) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title="Next wellbeing follow-up"
      description="When the date comes, the caseload flags this referral until the follow-up measures are recorded."
      failure={failure}
      submitLabel="Save follow-up"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField
        control={form.control}
        name="dueOn"
        label="Follow-up due"
        type="date"
        autoFocus
        margin="normal"
        hint="Leave empty for no follow-up."
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
      />
    </FormDialog>
  );
}
