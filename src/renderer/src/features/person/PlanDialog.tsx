import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { optionalIsoDate, type Episode } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({ nextContactOn: optionalIsoDate, reviewDueOn: optionalIsoDate });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  episode: Episode;
  onClose: () => void;
  onPlanned: (episode: Episode) => void;
}

/** When the next contact is, and when the support should be reviewed. */
export function PlanDialog({ episode, onClose, onPlanned }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { nextContactOn: episode.nextContactOn ?? '', reviewDueOn: episode.reviewDueOn ?? '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      // The worker is sent unchanged: planning never moves the person to someone else's caseload.
      onPlanned(await api.episodes.plan({ episodeId: episode.id, ...values, workerUserId: episode.workerUserId }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { nextContactOn: 'nextContactOn', reviewDueOn: 'reviewDueOn' })) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Plan next contact and review"
      failure={failure}
      submitLabel="Save plan"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="xs"
    >
      <FormTextField
        control={form.control}
        name="nextContactOn"
        label="Next planned contact"
        type="date"
        autoFocus
        hint="Leave blank if nothing is planned yet"
        slotProps={{ htmlInput: { min: today } }}
      />
      <FormTextField control={form.control} name="reviewDueOn" label="Review date" type="date" hint="When to look at how the support is going" />
    </FormDialog>
  );
}
