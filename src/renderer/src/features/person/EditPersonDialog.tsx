import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
import { personFieldMap, personFormFromRecord, personFormSchema, toPersonDetails, type PersonFormInput, type PersonFormValues } from './person-form';
import { PersonDetailsFields } from './PersonDetailsFields';
import type { RecordedPerson } from './record-types';

interface Props {
  person: RecordedPerson;
  onClose: () => void;
  onSaved: () => void;
}

/** Corrects or completes a person's details (UK GDPR: people may ask for their record to be put right). */
export function EditPersonDialog({ person, onClose, onSaved }: Props) {
  const titleId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PersonFormInput, unknown, PersonFormValues>({
    resolver: zodResolver(personFormSchema),
    defaultValues: personFormFromRecord(person),
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.people.update({ ...toPersonDetails(values), personId: person.id, rowVersion: person.rowVersion });
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, personFieldMap)) setFailure(errorMessage(error));
    }
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>Edit details</DialogTitle>
        <DialogContent dividers>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          <PersonDetailsFields control={form.control} />
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            Save details
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
