import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CLOSURE_REASON_CODES, CLOSURE_REASONS } from '../../../../shared/domain/referral';
import { notesText, type Episode } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../format';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({
  closureReason: z.string().pipe(z.enum(CLOSURE_REASON_CODES, 'Choose why the episode is closing')),
  closureNote: notesText(2000),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  episode: Episode;
  onClose: () => void;
  onClosed: (episode: Episode) => void;
}

/** Ends an episode of support, saying why. */
export function CloseEpisodeDialog({ episode, onClose, onClosed }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      // A declined referral can only close as declined (main refuses anything else).
      closureReason: episode.status === 'declined' ? 'declined' : '',
      closureNote: '',
    },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onClosed(await api.episodes.transition({ episodeId: episode.id, to: 'closed', ...values }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { closureReason: 'closureReason', closureNote: 'closureNote' })) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title="Close episode"
      description={
        <>
          The referral received {formatDate(episode.receivedOn)} leaves the caseload. Its record stays, and shows under “Include
          closed”.
        </>
      }
      failure={failure}
      submitLabel="Close episode"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="closureReason" label="Reason for closing" select autoFocus slotProps={{ select: { displayEmpty: true } }}>
        <MenuItem value="">Choose a reason</MenuItem>
        {Object.entries(CLOSURE_REASONS).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField control={form.control} name="closureNote" label="Closing note" multiline minRows={3} hint="What changed for them, and anything the GP or referrer should know." />
    </FormDialog>
  );
}
