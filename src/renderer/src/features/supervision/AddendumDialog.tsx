import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { addAddendumSchema, type Addendum } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';

type Input = z.input<typeof addAddendumSchema>;

interface Props {
  sessionId: string;
  onClose: () => void;
  onAdded: (addendum: Addendum) => void;
}

/** The only way to add to a signed session: an addendum, kept with who wrote it and when. */
export function AddendumDialog({ sessionId, onClose, onAdded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Input>({ resolver: zodResolver(addAddendumSchema), defaultValues: { sessionId, text: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onAdded(await api.supervision.addAddendum(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { text: 'text' })) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title="Add an addendum"
      description="The signed record stays as it was. The addendum is added below it with your name and the time, and cannot be changed afterwards."
      failure={failure}
      submitLabel="Add the addendum"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="text" label="Addendum" multiline minRows={4} fullWidth margin="normal" autoFocus />
    </FormDialog>
  );
}
