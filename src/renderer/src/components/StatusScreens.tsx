import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { AuthLayout } from './AuthLayout';
import { PageHeading } from './PageHeading';

export function LoadingScreen() {
  return (
    <AuthLayout>
      <PageHeading>Opening Linkdesk</PageHeading>
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 2 }}>
        <CircularProgress aria-label="Opening Linkdesk" />
      </Box>
    </AuthLayout>
  );
}

export function UnavailableScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <AuthLayout>
      <PageHeading>Linkdesk cannot open</PageHeading>
      <Alert severity="error" sx={{ my: 2 }}>
        {message}
      </Alert>
      <Button variant="contained" onClick={onRetry}>
        Try again
      </Button>
    </AuthLayout>
  );
}
