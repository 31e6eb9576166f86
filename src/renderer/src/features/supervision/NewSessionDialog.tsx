import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isoDateSchema } from '../../../../shared/ipc/casework-schemas';
import { attendeesSchema, type MyPair, type SessionSummary } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormTextField } from '../../forms/FormTextField';

/** The form holds attendees as one line each; main takes the list. */
const schema = z.object({
  heldOn: isoDateSchema,
  attendees: z
    .string()
    .transform((text) => text.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .pipe(attendeesSchema),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  /** Starting a new session for this pair, or (with `session`) changing an open one. */
  pair: Pick<MyPair, 'id' | 'supervisor' | 'worker'>;
  /** Worded for the link worker preparing, or for the supervisor. */
  forWorker: boolean;
  session?: SessionSummary;
  onClose: () => void;
  onStarted: (session: SessionSummary) => void;
}

export function NewSessionDialog({ pair, forWorker, session, onClose, onStarted }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      heldOn: session?.heldOn ?? todayIsoDate(),
      attendees: (session?.attendees ?? [pair.worker.displayName, pair.supervisor.displayName]).join('\n'),
    },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onStarted(session ? await api.supervision.update({ sessionId: session.id, ...values }) : await api.supervision.create({ pairId: pair.id, ...values }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { heldOn: 'heldOn', attendees: 'attendees' })) setFailure(errorMessage(error));
    }
  });

  const description = session
    ? 'Change the date or who attended. The numbers cover the days since the last session.'
    : forWorker
      ? 'The agenda is built from your caseload: flagged cases, long or busy cases, no progress, disengaged, declined and coding overdue, plus actions carried over. You can add cases afterwards.'
      : 'The agenda is built from the link worker’s caseload, plus actions carried over from the last session.';
  return (
    <FormDialog
      title={session ? 'Change the session details' : forWorker ? 'Prepare the next session' : 'Start a session'}
      description={description}
      failure={failure}
      submitLabel={session ? 'Save' : 'Start the session'}
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="heldOn" label="Date of the session" type="date" fullWidth margin="normal" autoFocus slotProps={{ inputLabel: { shrink: true } }} />
      <FormTextField control={form.control} name="attendees" label="Who attended" multiline minRows={2} fullWidth margin="normal" hint="One person on each line." />
    </FormDialog>
  );
}
