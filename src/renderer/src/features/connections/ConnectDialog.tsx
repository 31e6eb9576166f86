import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { z } from 'zod';
import { createConnectionSchema, type Connection } from '../../../../shared/ipc/connections-schemas';
import type { DirectoryRow } from '../../../../shared/ipc/directory-contract';
import type { PlanGoal } from '../../../../shared/ipc/plans-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';
import { goalOptions } from './goal-words';
import { HandoverNoteField } from './HandoverNoteField';
import { ServicePicker } from './ServicePicker';

const create = createConnectionSchema.shape;
const schema = z.object({
  serviceId: z.string().min(1, 'Choose a group or service from the directory'),
  goalId: z.string(),
  on: create.on,
  handoverNote: create.handoverNote,
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  episodeId: string;
  /** The goals of the current plan, to say which one the connection serves. */
  goals: readonly PlanGoal[];
  onClose: () => void;
  onConnected: (connection: Connection) => void;
}

/** Connects the person, from this referral, to an active group or service in the directory. */
export function ConnectDialog({ episodeId, goals, onClose, onConnected }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const [service, setService] = useState<DirectoryRow | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { serviceId: '', goalId: '', on: today, handoverNote: '' } });
  const serviceField = useController({ control: form.control, name: 'serviceId' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onConnected(await api.connections.create({ episodeId, serviceId: values.serviceId, goalId: values.goalId || null, on: values.on, handoverNote: values.handoverNote }));
    } catch (error) {
      const placed = applyFieldErrors(error, form.setError, { serviceId: 'serviceId', goalId: 'goalId', on: 'on', handoverNote: 'handoverNote' });
      if (!placed) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Connect to a group or service"
      description="The connection starts as suggested. Move it on as the person is introduced and starts going."
      failure={failure}
      submitLabel="Connect"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
      dividers
    >
      <ServicePicker
        value={service}
        onChange={(chosen) => {
          setService(chosen);
          serviceField.field.onChange(chosen?.id ?? '');
        }}
        onBlur={serviceField.field.onBlur}
        inputRef={serviceField.field.ref}
        error={serviceField.fieldState.error?.message}
        autoFocus
      />
      {goals.length > 0 ? (
        <FormRadioGroup control={form.control} name="goalId" legend="Which goal of the plan does it serve?" options={goalOptions(goals)} />
      ) : null}
      <FormTextField control={form.control} name="on" label="Date suggested" type="date" slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }} />
      <HandoverNoteField
        control={form.control}
        name="handoverNote"
        hint="What the group needs to know to welcome them, for example access needs or who will go with them the first time"
      />
    </FormDialog>
  );
}
