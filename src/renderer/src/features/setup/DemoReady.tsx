import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { PageHeading } from '../../components/PageHeading';
import { ROLE_LABELS } from '../../../../shared/roles';
import type { DemoWorkspace } from './DemoWorkspaceOption';

/** The accounts of a new demo workspace, so the person trying it knows whom to sign in as. */
export function DemoReady({ demo, onContinue }: { demo: DemoWorkspace; onContinue: () => void }) {
  return (
    <Box>
      <PageHeading level={2} focusOnMount>
        Your demo workspace is ready
      </PageHeading>
      <Typography sx={{ mb: 2 }}>
        {demo.workspaceName} holds {demo.people} made-up people. Sign in as any of these accounts. Every demo password is{' '}
        <Box component="strong" sx={{ fontFamily: 'monospace' }} data-testid="demo-password">
          {demo.password}
        </Box>
        .
      </Typography>
      <Table size="small" aria-label="Demo accounts" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>User name</TableCell>
            <TableCell>Name</TableCell>
            <TableCell>Role</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {demo.users.map((user) => (
            <TableRow key={user.username}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{user.username}</TableCell>
              <TableCell>{user.displayName}</TableCell>
              <TableCell>{ROLE_LABELS[user.role]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Alert severity="warning" sx={{ mb: 2 }}>
        This is a demo: never enter real people&apos;s details here. To use Linkdesk for real, set it up again in a new, empty
        folder.
      </Alert>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button variant="contained" onClick={onContinue}>
          Continue to sign in
        </Button>
      </Box>
    </Box>
  );
}
