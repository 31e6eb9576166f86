import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CONTACT_MODES } from '../../../../shared/domain/referral';
import type { Contact, Episode } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';
import {
  asksForDecision,
  contactFieldMap,
  contactFormSchema,
  DECISIONS,
  emptyContactForm,
  toRecordContact,
  type ContactFormInput,
  type ContactFormValues,
} from './contact-form';

interface Props {
  episode: Episode;
  personName: string;
  onClose: () => void;
  onRecorded: (contact: Contact) => void;
}

export function RecordContactDialog({ episode, personName, onClose, onRecorded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const withDecision = asksForDecision(episode.status);
  const form = useForm<ContactFormInput, unknown, ContactFormValues>({
    resolver: zodResolver(contactFormSchema),
    defaultValues: emptyContactForm(),
  });
  const didNotAttend = useWatch({ control: form.control, name: 'didNotAttend' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onRecorded(await api.contacts.record(toRecordContact(episode.id, values, withDecision)));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, contactFieldMap)) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={`Record contact with ${personName}`}
      failure={failure}
      submitLabel="Save contact"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
        <FormTextField control={form.control} name="at" label="Date and time" type="datetime-local" autoFocus />
        <FormTextField control={form.control} name="mode" label="How" select slotProps={{ select: { displayEmpty: true } }}>
          <MenuItem value="">Choose how</MenuItem>
          {Object.entries(CONTACT_MODES).map(([code, label]) => (
            <MenuItem key={code} value={code}>
              {label}
            </MenuItem>
          ))}
        </FormTextField>
        <FormTextField
          control={form.control}
          name="durationMinutes"
          label="Duration (minutes)"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
      </Box>
      <FormCheckbox control={form.control} name="didNotAttend" label="Did not attend" hint="They missed the appointment or could not be reached." />
      <FormTextField control={form.control} name="attendees" label="Who attended" hint="For example the person and their daughter" autoComplete="off" />
      <FormTextField control={form.control} name="notes" label="Contact notes" multiline minRows={4} hint="What matters to them, what was offered, what happens next." />
      {withDecision && (
        <FormRadioGroup
          control={form.control}
          name="decision"
          legend="Decision at this contact"
          options={DECISIONS}
          disabled={didNotAttend}
          hint={
            didNotAttend
              ? 'No decision can be recorded when they did not attend.'
              : 'Accepting or declining adds the SNOMED code the GP record needs to the GP coding queue.'
          }
        />
      )}
    </FormDialog>
  );
}
