import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useId } from 'react';
import type { CohortItem } from '../../../../shared/ipc/outcomes-schemas';

interface BarsProps {
  caption: string;
  labels: string[];
  values: number[];
  colour: string;
  range?: { min: number; max: number };
}

function Bars({ caption, labels, values, colour, range }: BarsProps) {
  const captionId = useId();
  return (
    <Box component="figure" aria-labelledby={captionId} sx={{ m: 0, minWidth: 0 }}>
      <Typography id={captionId} component="figcaption" variant="body2" sx={{ fontWeight: 600 }}>
        {caption}
      </Typography>
      <BarChart height={260} skipAnimation hideLegend xAxis={[{ scaleType: 'band', data: labels }]} yAxis={range ? [range] : undefined} series={[{ data: values, label: caption, color: colour }]} />
    </Box>
  );
}

/** Mean change per ONS4 item and the share better by a band, as bars; the table above holds the same numbers. */
export function CohortCharts({ items }: { items: readonly CohortItem[] }) {
  // Short labels fit under the bars; the captions say that anxiety runs the other way.
  const labels = items.map((item) => item.label);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3, mt: 2 }}>
      <Bars caption="Mean change from start to end, per ONS4 item (for anxiety, a fall is better)" labels={labels} values={items.map((item) => Number(item.meanChange.toFixed(2)))} colour="#005EB8" />
      <Bars
        caption="Share at least one ONS band better at the end (%; for anxiety, a lower band)"
        labels={labels}
        values={items.map((item) => Math.round(item.improvedShare * 100))}
        colour="#007F3B"
        range={{ min: 0, max: 100 }}
      />
    </Box>
  );
}
