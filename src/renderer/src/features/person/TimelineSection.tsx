import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../format';
import type { TimelineItem } from './record-types';

const KIND_LABELS: Record<TimelineItem['kind'], string> = {
  referral_received: 'Referral',
  status_changed: 'Status',
  contact: 'Contact',
  note: 'Note',
  code_queued: 'GP coding',
  code_recorded: 'GP coding',
};

/** Everything that happened, newest first. */
export function TimelineSection({ items, headingId }: { items: readonly TimelineItem[]; headingId: string }) {
  const newestFirst = [...items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Timeline
      </Typography>
      {newestFirst.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>Nothing has happened yet.</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {newestFirst.map((item, index) => (
            <Box
              component="li"
              key={`${item.at}-${index}`}
              sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '11rem 1fr' }, columnGap: 2, py: 1, borderTop: index === 0 ? 0 : 1, borderColor: 'divider' }}
            >
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {formatDateTime(item.at)}
              </Typography>
              <Typography variant="body2">
                <Box component="span" sx={{ fontWeight: 700 }}>
                  {KIND_LABELS[item.kind]}:
                </Box>{' '}
                {item.summary}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}
