import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BackupInfo } from '../../../../shared/ipc/records-schemas';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDateTime } from '../../format';
import { formatBytes } from './records-format';

interface Props {
  backups: readonly BackupInfo[];
  labelledBy: string;
  onVerify: (backup: BackupInfo) => void;
  onRestore: (backup: BackupInfo) => void;
}

/** This workspace's backups in the chosen folder, newest first. */
export function BackupList({ backups, labelledBy, onVerify, onRestore }: Props) {
  if (backups.length === 0) return <Typography>There are no backups of this workspace in the folder yet.</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-labelledby={labelledBy} size="small">
        <TableHead sx={{ '& .MuiTableCell-head': { fontWeight: 700 } }}>
          <TableRow>
            <TableCell>Made</TableCell>
            <TableCell>Folder name</TableCell>
            <TableCell>How</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell>
              <VisuallyHidden>Actions</VisuallyHidden>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {backups.map((backup) => (
            <TableRow key={backup.name}>
              <TableCell>{formatDateTime(backup.createdAt)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{backup.name}</TableCell>
              <TableCell>{backup.trigger === 'scheduled' ? 'Scheduled' : 'On demand'}</TableCell>
              <TableCell align="right">{formatBytes(backup.bytes)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={() => onVerify(backup)} aria-label={`Check the backup made ${formatDateTime(backup.createdAt)}`}>
                    Check
                  </Button>
                  <Button size="small" color="error" onClick={() => onRestore(backup)} aria-label={`Restore the backup made ${formatDateTime(backup.createdAt)}`}>
                    Restore…
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
