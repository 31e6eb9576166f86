import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { WELLBEING_FEELINGS, WORKLOADS } from '../../../../shared/domain/supervision';
import { saveWellbeingSchema, type SaveWellbeingInput, type Wellbeing } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

interface Props {
  sessionId: string;
  wellbeing: Wellbeing | null;
  /** Worded for the link worker ("you") or for the supervisor ("they"). */
  forWorker: boolean;
  onClose: () => void;
  onSaved: (wellbeing: Wellbeing) => void;
}

const FIELDS = { feeling: 'feeling', feelingNote: 'feelingNote', workload: 'workload', trainingNeeds: 'trainingNeeds', supportAgreed: 'supportAgreed' } as const;

/** The link worker's own check-in, private to the two people in the session. */
export function WellbeingDialog({ sessionId, wellbeing, forWorker, onClose, onSaved }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SaveWellbeingInput, unknown, SaveWellbeingInput>({
    resolver: zodResolver(saveWellbeingSchema),
    defaultValues: {
      sessionId,
      feeling: wellbeing?.feeling ?? ('' as never),
      feelingNote: wellbeing?.feelingNote ?? '',
      workload: wellbeing?.workload ?? ('' as never),
      trainingNeeds: wellbeing?.trainingNeeds ?? '',
      supportAgreed: wellbeing?.supportAgreed ?? '',
    },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await api.supervision.saveWellbeing(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELDS)) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title="Wellbeing check-in"
      description="Only the link worker and the GP supervisor in this session see this. It is never printed in the session record."
      failure={failure}
      submitLabel="Save the check-in"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
    >
      <FormRadioGroup control={form.control} name="feeling" legend={forWorker ? 'How are you?' : 'How are they?'} options={WELLBEING_FEELINGS} />
      <FormTextField control={form.control} name="feelingNote" label="Anything to say about it" multiline minRows={2} fullWidth margin="normal" />
      <FormRadioGroup control={form.control} name="workload" legend="How does the workload feel?" options={WORKLOADS} />
      <FormTextField control={form.control} name="trainingNeeds" label="Training needs" multiline minRows={2} fullWidth margin="normal" />
      <FormTextField control={form.control} name="supportAgreed" label="Support agreed" multiline minRows={2} fullWidth margin="normal" />
    </FormDialog>
  );
}
