import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { AuditVerification as Verification } from '../../../../shared/ipc/contract';
import { api, errorMessage } from '../../api/client';
import { plural } from '../../format';

type Outcome = { kind: 'checked'; result: Verification } | { kind: 'failed'; message: string } | null;

/** Checks the hash chain that makes silent edits to the audit log detectable. */
export function AuditVerification({ onVerified }: { onVerified: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const verify = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'checked', result: await api.audit.verify() });
      // Verifying is itself audited, so the list has a new entry to show.
      onVerified();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mb: 3 }}>
      <Button variant="outlined" startIcon={<VerifiedUserOutlined />} loading={busy} onClick={() => void verify()}>
        Verify the audit chain
      </Button>
      {outcome?.kind === 'checked' && outcome.result.ok && (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          <AlertTitle>The audit chain is intact</AlertTitle>
          {plural(outcome.result.entriesChecked, 'entry was', 'entries were')} checked, from the first to the newest: none has been changed,
          removed or put out of order.
        </Alert>
      )}
      {outcome?.kind === 'checked' && !outcome.result.ok && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          <AlertTitle>The audit chain is broken</AlertTitle>
          {outcome.result.message}
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content auto', columnGap: 2, rowGap: 0.5, m: 0, mt: 1 }}>
            <dt>Entries checked and intact</dt>
            <dd style={{ margin: 0 }}>{outcome.result.entriesChecked.toLocaleString('en-GB')}</dd>
            <dt>First broken entry</dt>
            <dd style={{ margin: 0 }}>{outcome.result.firstBrokenEntryId === null ? '—' : `Number ${outcome.result.firstBrokenEntryId.toLocaleString('en-GB')} (the No. column below)`}</dd>
          </Box>
        </Alert>
      )}
      {outcome?.kind === 'failed' && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {outcome.message}
        </Alert>
      )}
    </Box>
  );
}
