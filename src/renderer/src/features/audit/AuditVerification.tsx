import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import Alert from '@mui/material/Alert';
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
          All {plural(outcome.result.entriesChecked, 'audit entry is', 'audit entries are')} intact.
        </Alert>
      )}
      {outcome?.kind === 'checked' && !outcome.result.ok && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {outcome.result.message}
          {outcome.result.firstBrokenEntryId !== null && ` The first entry that does not match is number ${outcome.result.firstBrokenEntryId}.`}
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
