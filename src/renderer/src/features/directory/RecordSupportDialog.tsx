import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { GROUP_SUPPORT_TYPES, type GroupSupportType } from '../../../../shared/domain/connections';
import { recordGroupSupportSchema, type GroupSupport } from '../../../../shared/ipc/connections-schemas';
import type { DirectoryEntry } from '../../../../shared/ipc/directory-contract';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

/**
 * The form holds text and '' for unchosen; its output is piped through the contract's schema, so
 * the form and main refuse the same things in the same words, each on the field of the same name.
 */
const formShape = z.object({
  scope: z.enum(['service', 'organisation']),
  type: z.string(),
  givenOn: z.string(),
  minutes: z.string(),
  note: z.string(),
});
type Input = z.input<typeof formShape>;
type Values = z.input<typeof recordGroupSupportSchema>;

function formSchema(entry: DirectoryEntry) {
  return formShape
    .transform(
      (values): Values => ({
        organisationId: entry.organisation.id,
        serviceId: values.scope === 'service' ? entry.id : null,
        type: values.type as GroupSupportType,
        givenOn: values.givenOn,
        // '' reads as NaN, which the contract refuses with "Enter the time in minutes".
        minutes: values.minutes.trim() === '' ? Number.NaN : Number(values.minutes.trim()),
        note: values.note,
      }),
    )
    .pipe(recordGroupSupportSchema);
}

interface Props {
  entry: DirectoryEntry;
  onClose: () => void;
  onRecorded: (support: GroupSupport) => void;
}

/** Support given to the group behind this entry: what kind, when, how long, and a note. */
export function RecordSupportDialog({ entry, onClose, onRecorded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Input, unknown, z.output<typeof recordGroupSupportSchema>>({
    resolver: zodResolver(formSchema(entry)),
    defaultValues: { scope: 'service', type: '', givenOn: today, minutes: '', note: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onRecorded(await api.groupSupport.record(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { type: 'type', givenOn: 'givenOn', minutes: 'minutes', note: 'note' })) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Record support given"
      description="Support to the group itself, such as help with funding or finding volunteers. Do not write about the people who go to it."
      failure={failure}
      submitLabel="Record support"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      dividers
    >
      <FormRadioGroup
        control={form.control}
        name="scope"
        legend="Who was it for?"
        options={{ service: `This group or service: ${entry.name}`, organisation: `The organisation as a whole: ${entry.organisation.name}` }}
      />
      <FormRadioGroup control={form.control} name="type" legend="Kind of support" options={GROUP_SUPPORT_TYPES} />
      <FormTextField control={form.control} name="givenOn" label="Date given" type="date" slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }} />
      <FormTextField control={form.control} name="minutes" label="Time spent (minutes)" type="number" slotProps={{ htmlInput: { min: 1, max: 1440, inputMode: 'numeric' } }} />
      <FormTextField control={form.control} name="note" label="Note (optional)" multiline minRows={3} hint="What was done, and anything agreed" />
    </FormDialog>
  );
}
