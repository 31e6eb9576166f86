import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CLOSURE_REASONS } from '../../../../shared/domain/referral';
import type { Episode } from '../../../../shared/ipc/casework-schemas';
import type { ClosingDraft } from '../../../../shared/ipc/outcomes-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../format';
import { FormTextField } from '../../forms/FormTextField';
import { CLOSING_FIELDS, closingFormSchema, type ClosingFormInput, type ClosingFormValues } from '../outcomes/closing-form';
import { ClosingOutcomeFields } from '../outcomes/ClosingOutcomeFields';
import { GpLetterExport } from '../outcomes/GpLetterExport';

interface Props {
  episode: Episode;
  onClose: () => void;
  onClosed: (episode: Episode) => void;
}

/**
 * Ends an episode of support: why, the summary for the GP and referrer, and the final ONS4. Once
 * closed, it goes straight on to the message back (which can be made later from the record too).
 */
export function CloseEpisodeDialog({ episode, onClose, onClosed }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [draft, setDraft] = useState<ClosingDraft | null>(null);
  const [closed, setClosed] = useState<Episode | null>(null);
  const [schema] = useState(() => closingFormSchema(episode.id));
  const form = useForm<ClosingFormInput, unknown, ClosingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      // A declined referral can only close as declined (main refuses anything else).
      closureReason: episode.status === 'declined' ? 'declined' : '',
      closureNote: '',
      whatMattered: '',
      whatWasOffered: '',
      whatHappened: '',
      finalOns4: 'not_asked',
      finalOns4Answers: ['', '', '', ''],
    },
  });

  // The summary starts from what the record already says; whatever the worker has typed stays.
  useEffect(() => {
    let current = true;
    api.outcomes.closingDraft({ episodeId: episode.id }).then(
      (suggested) => {
        if (!current) return;
        setDraft(suggested);
        for (const field of ['whatMattered', 'whatWasOffered', 'whatHappened'] as const) {
          if (form.getValues(field) === '') form.setValue(field, suggested[field]);
        }
      },
      (error: unknown) => current && setFailure(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [episode.id, form]);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      setClosed(await api.outcomes.closeEpisode(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, Object.fromEntries(CLOSING_FIELDS.map((field) => [field, field])))) setFailure(errorMessage(error));
    }
  });

  if (closed) return <GpLetterExport episodeId={closed.id} onClose={() => onClosed(closed)} />;
  return (
    <FormDialog
      title="Close episode"
      description={
        <>
          The referral received {formatDate(episode.receivedOn)} leaves the caseload. Its record stays, and shows under “Include
          closed”. Next, you can make the message back to the GP and the referrer.
        </>
      }
      failure={failure}
      submitLabel="Close episode"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
      dividers
    >
      <FormTextField control={form.control} name="closureReason" label="Reason for closing" select autoFocus slotProps={{ select: { displayEmpty: true } }}>
        <MenuItem value="">Choose a reason</MenuItem>
        {Object.entries(CLOSURE_REASONS).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField control={form.control} name="closureNote" label="Closing note" multiline minRows={3} hint="For the team: it stays in Linkdesk and is not sent to the GP." />
      <ClosingOutcomeFields control={form.control} draft={draft} declined={episode.status === 'declined'} />
    </FormDialog>
  );
}
