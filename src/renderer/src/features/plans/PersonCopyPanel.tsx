import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { base64Kilobytes } from './plan-fields';

/** Makes the person's own copy (a PDF made in main). Saving it waits for the Exports area. */
export function PersonCopyPanel({ planVersionId }: { planVersionId: string }) {
  const [largePrint, setLargePrint] = useState(false);
  const [making, setMaking] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const make = async () => {
    setMaking(true);
    setResult(null);
    try {
      const copy = await api.plans.personCopyPdf({ planVersionId, largePrint });
      setResult({
        ok: true,
        message: `The person’s copy is ready (${base64Kilobytes(copy.pdfBase64)} KB${largePrint ? ', large print' : ''}). To save or print it, use the Exports area when it arrives: Linkdesk does not download files.`,
      });
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
    } finally {
      setMaking(false);
    }
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <Button variant="outlined" startIcon={<PictureAsPdfOutlined />} loading={making} onClick={() => void make()}>
          Make the person’s copy
        </Button>
        <FormControlLabel label="Large print" control={<Checkbox checked={largePrint} onChange={(_event, checked) => setLargePrint(checked)} />} />
      </Box>
      <Box role="status" sx={{ mt: result ? 1.5 : 0 }}>
        {result && <Alert severity={result.ok ? 'success' : 'error'}>{result.message}</Alert>}
      </Box>
    </Box>
  );
}
