import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SupervisionPair } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../format';
import { AssignPairDialog } from './AssignPairDialog';

const HEADING_ID = 'supervision-pairs-heading';

/** Admins pair link workers with GP supervisors; a supervisor reads only the casework of the link workers paired with them. */
export function PairsAdmin() {
  const [reloadKey, setReloadKey] = useState(0);
  const overview = useLoad(api.supervisionPairs.list, reloadKey);
  const [assigning, setAssigning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const end = async (pair: SupervisionPair) => {
    setDone(null);
    setFailure(null);
    try {
      await api.supervisionPairs.end({ pairId: pair.id });
      setDone(`${pair.supervisor.displayName} no longer supervises ${pair.worker.displayName}.`);
      setReloadKey((key) => key + 1);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Box component="section" aria-labelledby={HEADING_ID} sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography id={HEADING_ID} variant="h2" component="h2">
          Who supervises whom
        </Typography>
        <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={() => setAssigning(true)}>
          Assign a link worker
        </Button>
      </Box>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        A GP supervisor holds weekly supervision with the link workers assigned to them, and can read those link workers’ caseloads
        and records only. Supervision sessions themselves are for the two people in them, so they are not shown here.
      </Typography>
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {(failure ?? overview.error) && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {failure ?? overview.error}
        </Alert>
      )}
      {!overview.data && !overview.error && <CircularProgress aria-label="Loading supervision pairs" />}
      {overview.data && overview.data.pairs.length === 0 && <Typography>No link worker has a GP supervisor yet.</Typography>}
      {overview.data && overview.data.pairs.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-labelledby={HEADING_ID}>
            <TableHead>
              <TableRow>
                <TableCell>GP supervisor</TableCell>
                <TableCell>Link worker</TableCell>
                <TableCell>Since</TableCell>
                <TableCell>Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.data.pairs.map((pair) => (
                <TableRow key={pair.id}>
                  <TableCell>{pair.supervisor.displayName}</TableCell>
                  <TableCell>{pair.worker.displayName}</TableCell>
                  <TableCell>{formatDate(pair.assignedAt)}</TableCell>
                  <TableCell>
                    <Button variant="outlined" color="error" onClick={() => void end(pair)}>
                      End<VisuallyHidden> supervision of {pair.worker.displayName} by {pair.supervisor.displayName}</VisuallyHidden>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {assigning && overview.data && (
        <AssignPairDialog
          overview={overview.data}
          onClose={() => setAssigning(false)}
          onAssigned={(pair) => {
            setAssigning(false);
            setDone(`${pair.supervisor.displayName} now supervises ${pair.worker.displayName}.`);
            setReloadKey((key) => key + 1);
          }}
        />
      )}
    </Box>
  );
}
