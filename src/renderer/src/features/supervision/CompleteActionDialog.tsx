import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isoDateSchema } from '../../../../shared/ipc/casework-schemas';
import type { SupervisionAction } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({ doneOn: isoDateSchema });
type Values = z.infer<typeof schema>;

interface Props {
  action: SupervisionAction;
  onClose: () => void;
  onDone: (action: SupervisionAction) => void;
}

export function CompleteActionDialog({ action, onClose, onDone }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { doneOn: today } });
  const submit = form.handleSubmit(async ({ doneOn }) => {
    setFailure(null);
    try {
      onDone(await api.supervision.completeAction({ actionId: action.id, doneOn }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { doneOn: 'doneOn' })) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog title="Mark the action done" description={action.text} failure={failure} submitLabel="Mark done" submitting={form.formState.isSubmitting} onClose={onClose} onSubmit={submit}>
      <FormTextField
        control={form.control}
        name="doneOn"
        label="Date done"
        type="date"
        fullWidth
        margin="normal"
        autoFocus
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
      />
    </FormDialog>
  );
}
