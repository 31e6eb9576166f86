import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addActionSchema, type AddActionInput, type AgendaItem, type SessionSummary, type SupervisionAction } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { addDays } from '../../../../shared/domain/working-days';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

interface Props {
  session: SessionSummary;
  /** The case the action is about, or null for an action about the link worker's work in general. */
  item: AgendaItem | null;
  onClose: () => void;
  onAdded: (action: SupervisionAction) => void;
}

export function AddActionDialog({ session, item, onClose, onAdded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AddActionInput, unknown, AddActionInput>({
    resolver: zodResolver(addActionSchema),
    defaultValues: { sessionId: session.id, itemId: item?.id ?? null, text: '', owner: 'link_worker', dueOn: addDays(session.heldOn, 7) },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onAdded(await api.supervision.addAction(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { text: 'text', owner: 'owner', dueOn: 'dueOn' })) setFailure(errorMessage(error));
    }
  });
  const owners = { link_worker: `The link worker (${session.worker.displayName})`, supervisor: `The GP supervisor (${session.supervisor.displayName})` };
  return (
    <FormDialog
      title={item ? `Add an action: ${item.personName}` : 'Add an action'}
      failure={failure}
      submitLabel="Add the action"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="text" label="What will be done" multiline minRows={2} fullWidth margin="normal" autoFocus />
      <FormRadioGroup control={form.control} name="owner" legend="Who will do it" options={owners} />
      <FormTextField
        control={form.control}
        name="dueOn"
        label="By when"
        type="date"
        fullWidth
        margin="normal"
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: session.heldOn } }}
      />
    </FormDialog>
  );
}
