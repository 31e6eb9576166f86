import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PlanVersion } from '../../../../shared/ipc/plans-schemas';
import { api } from '../../api/client';
import { ExportDialog } from '../exports/ExportDialog';

/**
 * The person's own copy of this plan version: a PDF made in main and saved through the one export
 * path (purpose, recipient and lawful basis asked for; an encrypted archive whose passphrase is shown once).
 */
export function PersonCopyPanel({ version }: { version: Pick<PlanVersion, 'id' | 'version' | 'status'> }) {
  const [largePrint, setLargePrint] = useState(false);
  const [exporting, setExporting] = useState(false);

  return (
    <Box sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <Button variant="outlined" startIcon={<PictureAsPdfOutlined />} onClick={() => setExporting(true)}>
          Export the person’s copy
        </Button>
        <FormControlLabel label="Large print" control={<Checkbox checked={largePrint} onChange={(_event, checked) => setLargePrint(checked)} />} />
      </Box>
      {exporting && (
        <ExportDialog
          kind="person_copy"
          intro={
            <Typography sx={{ mt: 2 }}>
              Version {version.version} of the plan{version.status === 'draft' ? ' (a draft, not agreed yet)' : ''}
              {largePrint ? ', in large print' : ''}, as a PDF. Staff-only notes, the NHS number and who was present are never on it.
            </Typography>
          }
          run={(declaration) => api.plans.exportPersonCopy({ planVersionId: version.id, largePrint, declaration })}
          onClose={() => setExporting(false)}
        />
      )}
    </Box>
  );
}
