import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { PERSON_FLAG_KINDS, PERSON_FLAG_KIND_CODES } from '../../../../shared/domain/supervision';
import { notesText } from '../../../../shared/ipc/casework-schemas';
import type { PersonFlag } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({
  kind: z.enum(PERSON_FLAG_KIND_CODES, 'Choose risk or safeguarding'),
  reason: notesText(1000).refine((text) => text.trim().length > 0, 'Give the reason'),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  personId: string;
  /** The flag being cleared, or null to set a new one. */
  clearing: PersonFlag | null;
  onClose: () => void;
  onDone: (flag: PersonFlag) => void;
}

/** Setting a flag, or clearing one: always with a reason, kept with the flag and audited. */
export function PersonFlagDialog({ personId, clearing, onClose, onDone }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { kind: clearing?.kind ?? ('' as never), reason: '' } });
  const submit = form.handleSubmit(async ({ kind, reason }) => {
    setFailure(null);
    try {
      onDone(clearing ? await api.personFlags.clear({ flagId: clearing.id, reason }) : await api.personFlags.raise({ personId, kind, reason }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { kind: 'kind', reason: 'reason' })) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title={clearing ? `Clear the ${PERSON_FLAG_KINDS[clearing.kind].toLowerCase()} flag` : 'Set a risk or safeguarding flag'}
      description={clearing ? clearing.reason : 'The flag shows in the caseload and puts the case on the next supervision agenda.'}
      failure={failure}
      submitLabel={clearing ? 'Clear the flag' : 'Set the flag'}
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      {!clearing && <FormRadioGroup control={form.control} name="kind" legend="Which flag" options={PERSON_FLAG_KINDS} />}
      <FormTextField
        control={form.control}
        name="reason"
        label={clearing ? 'Why it can be cleared' : 'Why you are setting it'}
        multiline
        minRows={3}
        fullWidth
        margin="normal"
        autoFocus={Boolean(clearing)}
        hint="Say what happened in a few words. The reason stays with the flag; the audit log records only that a flag was set."
      />
    </FormDialog>
  );
}
