import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CONNECTION_STATUSES, CONNECTION_STOP_REASONS, CONNECTION_STOP_REASON_CODES, type ConnectionStatus } from '../../../../shared/domain/connections';
import { moveConnectionSchema, type Connection } from '../../../../shared/ipc/connections-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { formatDate } from '../../format';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';
import { HandoverNoteField } from './HandoverNoteField';

const move = moveConnectionSchema.shape;
const schema = z.object({
  on: move.on,
  // Starts unchosen; required only when stopping (checked in submit's schema below).
  stopReason: z.string(),
  stopNote: move.stopNote,
  handoverNote: move.handoverNote,
});
const stopSchema = schema.extend({ stopReason: z.string().pipe(z.enum(CONNECTION_STOP_REASON_CODES, 'Choose why it stopped')) });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

/** The question each move answers, in the words a link worker would use. */
const TITLES: Record<Exclude<ConnectionStatus, 'suggested'>, string> = {
  introduced: 'Mark as introduced',
  attending: 'Mark as attending',
  completed: 'Mark as completed',
  stopped: 'Stop the connection',
};
const DATE_LABELS: Record<Exclude<ConnectionStatus, 'suggested'>, string> = {
  introduced: 'Date introduced',
  attending: 'Date they started going',
  completed: 'Date completed',
  stopped: 'Date it stopped',
};

interface Props {
  connection: Connection;
  to: Exclude<ConnectionStatus, 'suggested'>;
  onClose: () => void;
  onMoved: (connection: Connection) => void;
}

/** Moves a connection one step on, or stops it with a reason. Completed and stopped are final. */
export function MoveConnectionDialog({ connection, to, onClose, onMoved }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const stopping = to === 'stopped';
  const final = to === 'stopped' || to === 'completed';
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(stopping ? stopSchema : schema),
    defaultValues: { on: today, stopReason: '', stopNote: '', handoverNote: connection.handoverNote },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const moved = await api.connections.move({
        connectionId: connection.id,
        to,
        on: values.on,
        stopReason: stopping ? (values.stopReason as (typeof CONNECTION_STOP_REASON_CODES)[number]) : null,
        stopNote: stopping ? values.stopNote : '',
        // Only a changed note replaces the one kept.
        handoverNote: !stopping && values.handoverNote !== connection.handoverNote ? values.handoverNote : '',
      });
      onMoved(moved);
    } catch (error) {
      const placed = applyFieldErrors(error, form.setError, { on: 'on', stopReason: 'stopReason', stopNote: 'stopNote', handoverNote: 'handoverNote' });
      if (!placed) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={`${TITLES[to]}: ${connection.service.name}`}
      description={`${CONNECTION_STATUSES[connection.status]} since ${formatDate(connection.statusOn)}.${final ? ` ${CONNECTION_STATUSES[to]} is final: it cannot be changed afterwards.` : ''}`}
      failure={failure}
      submitLabel={TITLES[to]}
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField
        control={form.control}
        name="on"
        label={DATE_LABELS[to]}
        type="date"
        autoFocus
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: connection.statusOn, max: today } }}
      />
      {stopping ? (
        <>
          <FormRadioGroup control={form.control} name="stopReason" legend="Why did it stop?" options={CONNECTION_STOP_REASONS} />
          <FormTextField control={form.control} name="stopNote" label="Note on why it stopped (optional)" multiline minRows={2} />
        </>
      ) : (
        <HandoverNoteField control={form.control} name="handoverNote" hint="Change it if the group needs to know something new; leave it as it is to keep it" />
      )}
    </FormDialog>
  );
}
