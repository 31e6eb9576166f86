import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDate, formatDateTime } from '../../format';
import type { TimelineItem } from './record-types';

/** Some events have a day but no time (a referral's received date): show just the day. */
function when(at: string): string {
  return at.length === 10 ? formatDate(at) : formatDateTime(at);
}

/** Everything that happened, newest first (main sends it in that order). */
export function TimelineSection({ items, headingId }: { items: readonly TimelineItem[]; headingId: string }) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Timeline
      </Typography>
      {items.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>Nothing has happened yet.</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {items.map((item, index) => (
            <Box
              component="li"
              key={`${item.kind}-${item.at}-${index}`}
              sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '10.5rem 1fr' }, columnGap: 2, py: 1, borderTop: index === 0 ? 0 : 1, borderColor: 'divider' }}
            >
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {when(item.at)}
              </Typography>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {item.summary}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}
