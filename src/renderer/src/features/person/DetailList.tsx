import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** Label–value pairs as a description list: labels bold on the left, values beside them. */
interface Props {
  items: ReadonlyArray<readonly [label: string, value: ReactNode]>;
  /** Labels wrap beyond this, so a long one never squeezes the values in a narrow card. */
  labelWidth?: string;
}

export function DetailList({ items, labelWidth = '11rem' }: Props) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(7rem, max-content) 1fr' },
        '& dt': { fontWeight: 600, maxWidth: labelWidth },
        columnGap: 2,
        rowGap: 1,
        m: 0,
        '& dd': { m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
      }}
    >
      {items.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Box>
      ))}
    </Box>
  );
}
