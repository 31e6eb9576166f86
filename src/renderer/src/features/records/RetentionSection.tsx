import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { formatDate } from '../../format';
import { RetentionPolicyForm } from './RetentionPolicyForm';
import { RetentionReview } from './RetentionReview';

const subheading = { mt: 4, mb: 1, fontSize: '1.25rem' } as const;

/** The retention policy, the people past it (to erase) and closed directory entries past it. */
export function RetentionSection() {
  const [reloadKey, setReloadKey] = useState(0);
  const reload = useCallback(() => setReloadKey((key) => key + 1), []);
  const policy = useLoad(api.retention.policy, reloadKey);
  const directory = useLoad(api.retention.directoryReview, reloadKey);
  return (
    <Box component="section" aria-labelledby="retention-heading">
      <Typography id="retention-heading" variant="h2" component="h2" gutterBottom>
        Retention
      </Typography>
      {policy.error && <Alert severity="error">{policy.error}</Alert>}
      <Box sx={{ maxWidth: 720 }}>
        {policy.data ? <RetentionPolicyForm policy={policy.data} onSaved={reload} /> : !policy.error && <CircularProgress aria-label="Loading the retention policy" />}
      </Box>
      <Typography id="retention-review-heading" variant="h3" component="h3" sx={subheading}>
        Records past retention
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: 720 }}>
        People with no open referral whose last referral closed longer ago than the policy allows. Opening this list is recorded in the audit log.
      </Typography>
      <RetentionReview reloadKey={reloadKey} />
      <Typography id="directory-review-heading" variant="h3" component="h3" sx={subheading}>
        Closed directory entries with contact details
      </Typography>
      {directory.error && <Alert severity="error">{directory.error}</Alert>}
      {directory.data && directory.data.length === 0 && <Typography>No closed directory entry is past the policy with a contact name, phone or email.</Typography>}
      {directory.data && directory.data.length > 0 && (
        <>
          <Typography sx={{ maxWidth: 720 }}>Edit these entries in the Directory to remove the contact person’s name, phone number and email.</Typography>
          <List dense aria-labelledby="directory-review-heading">
            {directory.data.map((entry) => (
              <ListItem key={entry.serviceId}>
                <ListItemText primary={`${entry.name} (${entry.organisationName})`} secondary={`Closed and unchanged since ${formatDate(entry.closedSince)}; review was due ${formatDate(entry.retentionEndedOn)}`} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}
