import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { ROLE_LABELS } from '../../../../shared/roles';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDateTime } from '../../format';

interface Props {
  users: readonly UserSummary[];
  currentUserId: string;
  labelledBy: string;
  onDisable: (user: UserSummary) => void;
  onSetTemporaryPassword: (user: UserSummary) => void;
}

export function UsersTable({ users, currentUserId, labelledBy, onDisable, onSetTemporaryPassword }: Props) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>User name</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Last sign-in</TableCell>
            <TableCell>Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableCell>
                {user.displayName}
                {user.id === currentUserId && ' (you)'}
              </TableCell>
              <TableCell>{user.username}</TableCell>
              <TableCell>{ROLE_LABELS[user.role]}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={user.disabled ? 'Disabled' : 'Active'}
                  color={user.disabled ? 'default' : 'success'}
                  variant={user.disabled ? 'outlined' : 'filled'}
                />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                  {/* The hidden words tell screen-reader users whose account each button acts on. */}
                  {!user.disabled && user.id !== currentUserId && (
                    <Button variant="outlined" color="error" onClick={() => onDisable(user)}>
                      Disable<VisuallyHidden> {user.displayName}</VisuallyHidden>
                    </Button>
                  )}
                  {user.id !== currentUserId && (
                    <Button variant="outlined" onClick={() => onSetTemporaryPassword(user)}>
                      Set temporary password<VisuallyHidden> for {user.displayName}</VisuallyHidden>
                    </Button>
                  )}
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
