import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { recordConversationSchema, type Conversation } from '../../../../shared/ipc/plans-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormTextField } from '../../forms/FormTextField';
import { sameNameFieldMap } from './plan-fields';

type Input = z.input<typeof recordConversationSchema>;
type Values = z.output<typeof recordConversationSchema>;
const FIELDS = ['heldOn', 'ownWords', 'strengths', 'whatGetsInTheWay', 'priorities'] as const;

interface Props {
  episodeId: string;
  onClose: () => void;
  onRecorded: (conversation: Conversation) => void;
}

/** A "what matters to me" conversation, the person's words kept exactly as typed. */
export function RecordWhatMattersDialog({ episodeId, onClose, onRecorded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(recordConversationSchema),
    defaultValues: { episodeId, heldOn: today, ownWords: '', strengths: '', whatGetsInTheWay: '', priorities: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onRecorded(await api.conversations.record(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, sameNameFieldMap<Input>(error, FIELDS))) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Record what matters"
      description="Write their words exactly as they said them. Linkdesk keeps them as typed, line breaks and all."
      failure={failure}
      submitLabel="Save what matters"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      dividers
    >
      <FormTextField
        control={form.control}
        name="heldOn"
        label="Date of the conversation"
        type="date"
        autoFocus
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
      />
      <FormTextField control={form.control} name="ownWords" label="In their own words" multiline minRows={4} hint="What matters to them, as they put it" />
      <FormTextField control={form.control} name="strengths" label="Their strengths" multiline minRows={2} />
      <FormTextField control={form.control} name="whatGetsInTheWay" label="What gets in the way" multiline minRows={2} />
      <FormTextField control={form.control} name="priorities" label="Their priorities" multiline minRows={2} />
    </FormDialog>
  );
}
