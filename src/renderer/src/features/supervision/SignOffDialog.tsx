import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SessionSummary, SessionWorkspace } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, plural } from '../../format';

interface Props {
  workspace: SessionWorkspace;
  onClose: () => void;
  onSigned: (session: SessionSummary) => void;
}

/** The supervisor's sign-off, after which the session is read-only. */
export function SignOffDialog({ workspace, onClose, onSigned }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const notDiscussed = workspace.agenda.filter((item) => item.discussion === '' && item.decision === '' && !item.safeguardingRaised).length;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSubmitting(true);
    try {
      onSigned(await api.supervision.sign({ sessionId: workspace.session.id }));
    } catch (error) {
      setFailure(errorMessage(error));
      setSubmitting(false);
    }
  };
  return (
    <FormDialog
      title={`Sign off the session of ${formatDate(workspace.session.heldOn)}`}
      description="Once signed off, the session is read-only: nothing in it can be changed. Anything to add afterwards goes in an addendum, with who added it and when."
      failure={failure}
      submitLabel="Sign off"
      submitting={submitting}
      onClose={onClose}
      onSubmit={submit}
    >
      {notDiscussed > 0 && (
        <Typography sx={{ mt: 2 }}>
          {plural(notDiscussed, 'case on the agenda has', 'cases on the agenda have')} nothing recorded. They will be signed off as not discussed.
        </Typography>
      )}
    </FormDialog>
  );
}
