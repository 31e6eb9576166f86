import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { ExportResult } from '../../../../shared/domain/exports';
import { monoFontFamily } from '../../theme';

interface Props {
  label: string;
  result: ExportResult;
  onClose: () => void;
}

/** Where the file went and, for an encrypted archive, the passphrase: shown here once and never stored. */
export function ExportResultDialog({ label, result, onClose }: Props) {
  const titleId = useId();
  const passphraseLabelId = useId();
  const [noted, setNoted] = useState(false);
  const mustNote = result.passphrase !== null;
  return (
    <Dialog open onClose={mustNote && !noted ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{label}: exported</DialogTitle>
      <DialogContent>
        <Typography>
          Saved as <strong data-testid="export-file-name">{result.fileName}</strong> in {result.folder}.
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
          SHA-256 {result.sha256}
        </Typography>
        {result.passphrase && (
          <>
            <Typography id={passphraseLabelId} component="p" variant="h3" sx={{ mt: 3, mb: 1 }}>
              Passphrase
            </Typography>
            <Box
              data-testid="export-passphrase"
              role="group"
              aria-labelledby={passphraseLabelId}
              sx={{ fontFamily: monoFontFamily, fontSize: '1.25rem', letterSpacing: '0.04em', overflowWrap: 'anywhere', userSelect: 'all', p: 2, border: 2, borderRadius: 1 }}
            >
              {result.passphrase}
            </Box>
            <Alert severity="warning" sx={{ mt: 2 }}>
              Send the passphrase separately from the file (for example, by phone or in a separate message). Linkdesk does not keep it and cannot show it
              again.
            </Alert>
            <FormControlLabel
              sx={{ mt: 1, display: 'flex' }}
              control={<Checkbox checked={noted} onChange={(event) => setNoted(event.target.checked)} />}
              label="I have noted the passphrase"
            />
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 3 }}>
        <Button variant="contained" onClick={onClose} disabled={mustNote && !noted}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
