import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';
import { choicesFor, type ExportChoice } from './export-choices';
import { ExportRegister } from './ExportRegister';
import { MakeExport } from './MakeExport';

/**
 * The export centre: the exports this role may make (each asks why, for whom and on what lawful
 * basis, and says what the file will hold), and the register of past exports from the audit log.
 */
export function ExportCentrePage({ user }: { user: SessionUser }) {
  const choices = choicesFor(user.role);
  const [making, setMaking] = useState<ExportChoice | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const opener = useRef<HTMLButtonElement | null>(null);

  const done = () => {
    setMaking(null);
    setReloadKey((key) => key + 1);
    // Back to the button that started it: the dialogs in between have gone.
    opener.current?.focus();
  };

  return (
    <>
      <PageHeading>Exports</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Every file that leaves Linkdesk says why it is needed, who will receive it and the lawful basis, holds the least data that serves the purpose, and is
        recorded in the audit log with its SHA-256. Files about people are AES-256 encrypted ZIP archives marked OFFICIAL-SENSITIVE: send the passphrase
        separately.
      </Typography>
      <Box component="section" aria-labelledby="make-an-export">
        <Typography id="make-an-export" variant="h2" component="h2" gutterBottom>
          Make an export
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
          {choices.map((choice) => (
            <Card key={choice.kind} variant="outlined" component="article" aria-labelledby={`export-${choice.kind}`} sx={{ display: 'flex', flexDirection: 'column' }}>
              <CardContent sx={{ flexGrow: 1 }}>
                <Typography id={`export-${choice.kind}`} variant="h3" component="h3" gutterBottom>
                  {choice.title}
                </Typography>
                <Typography>{choice.summary}</Typography>
              </CardContent>
              <CardActions sx={{ px: 2, pb: 2 }}>
                <Button
                  variant="contained"
                  onClick={(event) => {
                    opener.current = event.currentTarget;
                    setMaking(choice);
                  }}
                >
                  {choice.button}
                </Button>
              </CardActions>
            </Card>
          ))}
        </Box>
      </Box>
      <ExportRegister reloadKey={reloadKey} />
      {making && <MakeExport choice={making} onDone={done} />}
    </>
  );
}
