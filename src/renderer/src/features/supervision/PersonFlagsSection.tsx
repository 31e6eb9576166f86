import FlagOutlined from '@mui/icons-material/FlagOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import { PERSON_FLAG_KINDS } from '../../../../shared/domain/supervision';
import type { PersonFlag } from '../../../../shared/ipc/supervision-schemas';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { ToneChip } from '../../components/ToneChip';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDateTime } from '../../format';
import { PersonFlagDialog } from './PersonFlagDialog';

interface Props {
  personId: string;
  /** Link workers set and clear flags; GP supervisors read them. */
  canWrite: boolean;
}

function FlagLine({ flag }: { flag: PersonFlag }) {
  return (
    <>
      <Typography sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>{flag.reason}</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Set by {flag.raisedBy} on {formatDateTime(flag.raisedAt)}
        {flag.clearedAt && `; cleared by ${flag.clearedBy} on ${formatDateTime(flag.clearedAt)}: ${flag.clearReason}`}
      </Typography>
    </>
  );
}

/** Risk and safeguarding flags on the person: they show in the caseload and put the case on the supervision agenda. */
export function PersonFlagsSection({ personId, canWrite }: Props) {
  const headingId = useId();
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'raise' } | { kind: 'clear'; flag: PersonFlag } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => api.personFlags.list({ personId }), [personId]);
  const flags = useLoad(load, reloadKey);
  const current = flags.data?.filter((flag) => flag.clearedAt === null) ?? [];
  const cleared = flags.data?.filter((flag) => flag.clearedAt !== null) ?? [];
  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
    setReloadKey((key) => key + 1);
  };
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography id={headingId} variant="h2" component="h2">
          Risk and safeguarding
        </Typography>
        {canWrite && (
          <Button variant="outlined" startIcon={<FlagOutlined />} onClick={() => setDialog({ kind: 'raise' })}>
            Set a flag
          </Button>
        )}
      </Box>
      {done && (
        <Alert severity="success" role="status" sx={{ mt: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {flags.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {flags.error}
        </Alert>
      )}
      {flags.data && current.length === 0 && <Typography sx={{ mt: 1, color: 'text.secondary' }}>No risk or safeguarding flag.</Typography>}
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 2, mt: current.length > 0 ? 2 : 0 }}>
        {current.map((flag) => (
          <li key={flag.id}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
              <ToneChip tone="alert" label={`${PERSON_FLAG_KINDS[flag.kind]} flag`} />
              {canWrite && (
                <Button size="small" onClick={() => setDialog({ kind: 'clear', flag })}>
                  Clear<VisuallyHidden> the {PERSON_FLAG_KINDS[flag.kind].toLowerCase()} flag</VisuallyHidden>
                </Button>
              )}
            </Box>
            <FlagLine flag={flag} />
          </li>
        ))}
      </Box>
      {cleared.length > 0 && (
        <Box component="details" sx={{ mt: 2 }}>
          <Box component="summary" sx={{ cursor: 'pointer', fontWeight: 600 }}>
            Cleared flags ({cleared.length})
          </Box>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5, mt: 1 }}>
            {cleared.map((flag) => (
              <li key={flag.id}>
                <Typography sx={{ fontWeight: 600 }}>{PERSON_FLAG_KINDS[flag.kind]}</Typography>
                <FlagLine flag={flag} />
              </li>
            ))}
          </Box>
        </Box>
      )}
      {dialog && (
        <PersonFlagDialog
          personId={personId}
          clearing={dialog.kind === 'clear' ? dialog.flag : null}
          onClose={() => setDialog(null)}
          onDone={(flag) => finish(flag.clearedAt ? `The ${PERSON_FLAG_KINDS[flag.kind].toLowerCase()} flag is cleared.` : `${PERSON_FLAG_KINDS[flag.kind]} flag set. It shows in the caseload and on the supervision agenda.`)}
        />
      )}
    </Paper>
  );
}
