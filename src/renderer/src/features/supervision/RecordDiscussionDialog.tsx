import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { recordDiscussionSchema, type AgendaItem, type RecordDiscussionInput } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormTextField } from '../../forms/FormTextField';

interface Props {
  item: AgendaItem;
  onClose: () => void;
  onSaved: (item: AgendaItem) => void;
}

/** What was said about one case, what was decided, and any safeguarding concern with what was done. */
export function RecordDiscussionDialog({ item, onClose, onSaved }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RecordDiscussionInput, unknown, RecordDiscussionInput>({
    resolver: zodResolver(recordDiscussionSchema),
    defaultValues: {
      itemId: item.id,
      discussion: item.discussion,
      decision: item.decision,
      safeguardingRaised: item.safeguardingRaised,
      safeguardingAction: item.safeguardingAction,
    },
  });
  const raised = useWatch({ control: form.control, name: 'safeguardingRaised' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await api.supervision.recordDiscussion({ ...values, safeguardingAction: values.safeguardingRaised ? values.safeguardingAction : '' }));
    } catch (error) {
      const fields = { discussion: 'discussion', decision: 'decision', safeguardingAction: 'safeguardingAction' } as const;
      if (!applyFieldErrors(error, form.setError, fields)) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={`Discussion: ${item.personName}`}
      description="Write what was discussed and decided. Both of you can change it until the session is signed off."
      failure={failure}
      submitLabel="Save the discussion"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
    >
      <FormTextField control={form.control} name="discussion" label="Discussion notes" multiline minRows={4} fullWidth margin="normal" autoFocus />
      <FormTextField control={form.control} name="decision" label="Decision" multiline minRows={2} fullWidth margin="normal" />
      <FormCheckbox control={form.control} name="safeguardingRaised" label="A safeguarding concern was raised" />
      {raised && (
        <FormTextField
          control={form.control}
          name="safeguardingAction"
          label="What was done about the safeguarding concern"
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          hint="For example: referred to the adult safeguarding team, with the reference."
        />
      )}
    </FormDialog>
  );
}
