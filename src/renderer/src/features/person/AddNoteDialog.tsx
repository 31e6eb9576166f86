import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { notesText } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
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
  const titleId = useId();
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
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>Add note</DialogTitle>
        <DialogContent>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          <FormTextField
            control={form.control}
            name="text"
            label="Note"
            multiline
            minRows={5}
            autoFocus
            hint="Write what is needed for their support, in words they would be comfortable reading."
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 3 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            Save note
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
