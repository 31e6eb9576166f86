import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { OutputOf } from '../../../../shared/ipc/contract';

export type DemoWorkspace = OutputOf<'workspace', 'setupDemo'>;

/**
 * For trying Linkdesk out: a DEMO workspace of made-up people instead of a real one. Kept apart
 * from the real set-up fields, and it says plainly that nothing in it is real.
 */
export function DemoWorkspaceOption({ onCreated }: { onCreated: (demo: DemoWorkspace) => void }) {
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const create = async () => {
    setCreating(true);
    setFailure(null);
    try {
      onCreated(await api.workspace.setupDemo());
    } catch (error) {
      setFailure(errorMessage(error));
      setCreating(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="demo-heading" sx={{ mt: 4 }}>
      <Divider sx={{ mb: 3 }} />
      <Typography id="demo-heading" component="h2" variant="h6">
        Just looking?
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Try Linkdesk with a demo workspace of about 300 made-up people, with link worker, GP supervisor and admin accounts
        to sign in as. Use it for training and trying things out, never for real people.
      </Typography>
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      {creating ? (
        <Box role="status" aria-live="polite">
          <Typography sx={{ mb: 1 }}>Creating the demo workspace. This takes under a minute…</Typography>
          <LinearProgress aria-label="Creating the demo workspace" />
        </Box>
      ) : (
        <Button variant="outlined" onClick={() => void create()}>
          Try Linkdesk with demo data
        </Button>
      )}
    </Box>
  );
}
