import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ActivityReport } from '../../../../shared/ipc/reports-schemas';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { nhs } from '../../theme';

/** The period's main figures, large, as a description list so each number keeps its label. */
export function HeadlineFigures({ headline }: { headline: ActivityReport['headline'] }) {
  return (
    <Box component="section" aria-labelledby="main-figures-heading">
      <VisuallyHidden>
        <h3 id="main-figures-heading">Main figures</h3>
      </VisuallyHidden>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2, m: 0, mb: 3 }}>
      {headline.map((item) => (
        <Paper key={item.key} variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column-reverse', justifyContent: 'flex-end' }}>
          <Typography component="dt" variant="body2" sx={{ color: nhs.secondaryText }}>
            {item.label}
          </Typography>
          <Typography component="dd" sx={{ m: 0, fontSize: '2rem', fontWeight: 700, lineHeight: 1.2, color: nhs.text }}>
            {item.count.shown}
          </Typography>
        </Paper>
      ))}
      </Box>
    </Box>
  );
}
