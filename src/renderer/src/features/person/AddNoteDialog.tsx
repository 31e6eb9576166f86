import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { notesText } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({ text: notesText(8000).refine((text) => text.trim().length > 0, 'Write the note') });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  personId: string;
  onClose: () => void;
  onAdded: () => void;
}

export function AddNoteDialog({ personId, onClose, onAdded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { text: '' } });

  const submit = form.handleSubmit(async ({ text }) => {
    setFailure(null);
    try {
      await api.people.addNote({ personId, episodeId: null, text });
      onAdded();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { text: 'text' })) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Add note"
      failure={failure}
      submitLabel="Save note"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField
        control={form.control}
        name="text"
        label="Note"
        multiline
        minRows={5}
        autoFocus
        hint="Write what is needed for their support, in words they would be comfortable reading."
      />
    </FormDialog>
  );
}
