import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useId, type ReactNode } from 'react';
import type { CohortItem } from '../../../../shared/ipc/outcomes-schemas';

function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <Box component="figure" aria-labelledby={captionId} sx={{ m: 0, minWidth: 0 }}>
      <Typography id={captionId} component="figcaption" variant="body2" sx={{ fontWeight: 600 }}>
        {caption}
      </Typography>
      {children}
    </Box>
  );
}

/** Mean change per ONS4 item and the share better by a band, as bars; the table above holds the same numbers. */
export function CohortCharts({ items }: { items: readonly CohortItem[] }) {
  const labels = items.map((item) => (item.higherIsBetter ? item.label : `${item.label} (lower is better)`));
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3, mt: 2 }}>
      <Figure caption="Mean change from start to end, per ONS4 item">
        <BarChart
          height={260}
          skipAnimation
          hideLegend
          xAxis={[{ scaleType: 'band', data: labels }]}
          series={[{ data: items.map((item) => Number(item.meanChange.toFixed(2))), label: 'Mean change', color: '#005EB8' }]}
        />
      </Figure>
      <Figure caption="Share at least one ONS band better at the end (%)">
        <BarChart
          height={260}
          skipAnimation
          hideLegend
          xAxis={[{ scaleType: 'band', data: labels }]}
          yAxis={[{ min: 0, max: 100 }]}
          series={[{ data: items.map((item) => Math.round(item.improvedShare * 100)), label: 'Better by a band (%)', color: '#007F3B' }]}
        />
      </Figure>
    </Box>
  );
}
