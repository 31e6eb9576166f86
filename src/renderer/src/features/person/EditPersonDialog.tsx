import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
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
    <FormDialog
      title="Edit details"
      failure={failure}
      submitLabel="Save details"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
      dividers
    >
      <PersonDetailsFields control={form.control} />
    </FormDialog>
  );
}
