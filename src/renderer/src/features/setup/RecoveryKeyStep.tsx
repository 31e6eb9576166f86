import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { monoFontFamily } from '../../theme';

interface Props {
  recoveryKey: string;
  onContinue: () => void;
}

/** Shown once, straight after set-up: Linkdesk never displays the recovery key again. */
export function RecoveryKeyStep({ recoveryKey, onContinue }: Props) {
  const [stored, setStored] = useState(false);
  const keyLabelId = useId();
  return (
    <Box>
      <PageHeading level={2}>Store your recovery key</PageHeading>
      <Typography>
        The workspace is ready. This recovery key is the only way back into Linkdesk if every admin forgets their password.
        There is no other way in: without a password or this key, nobody can open the records.
      </Typography>
      <Typography id={keyLabelId} component="p" variant="h3" sx={{ mt: 3, mb: 1 }}>
        Recovery key
      </Typography>
      <Box
        data-testid="recovery-key"
        role="group"
        aria-labelledby={keyLabelId}
        sx={{
          fontFamily: monoFontFamily,
          fontSize: { xs: '1.25rem', sm: '1.5rem' },
          letterSpacing: '0.04em',
          // Break only at the dashes between groups, so no group is split across lines.
          overflowWrap: 'anywhere',
          userSelect: 'all',
          p: 3,
          border: 2,
          borderColor: 'text.primary',
          borderRadius: 1,
          bgcolor: 'background.default',
        }}
      >
        {recoveryKey}
      </Box>
      <Alert severity="warning" sx={{ mt: 3 }}>
        Print it, or write it down, and keep it somewhere safe away from this PC, such as a locked cabinet or your practice&apos;s
        password safe. Do not save it on this computer. Linkdesk will not show it again.
      </Alert>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 2 }}>
        <Button variant="outlined" onClick={() => window.print()}>
          Print the recovery key
        </Button>
      </Box>
      <FormControlLabel
        sx={{ mt: 2, display: 'flex' }}
        control={<Checkbox checked={stored} onChange={(event) => setStored(event.target.checked)} />}
        label="I have stored the recovery key somewhere safe"
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button variant="contained" disabled={!stored} onClick={onContinue}>
          Continue to sign in
        </Button>
      </Box>
    </Box>
  );
}
