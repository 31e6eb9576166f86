import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BarChart, type BarItem } from '@mui/x-charts/BarChart';
import { useId } from 'react';
import { REFERRAL_REASONS } from '../../../../shared/domain/referral';
import type { GapsReport } from '../../../../shared/ipc/connections-schemas';
import { nhs } from '../../theme';

/** Each bar says its number (none on an empty bar), so no one has to read it off the axis. */
function valueLabel(item: BarItem): string | null {
  return item.value ? String(item.value) : null;
}

/** Bar height in pixels per need, two bars each, so long lists stay readable. */
const ROW_HEIGHT = 44;

/**
 * Demand against supply for each need, as paired horizontal bars: open referrals citing it, and
 * active services that meet it. A need with referrals and no green bar is a gap at a glance. The
 * same figures are in the table that follows, for screen readers and for exact numbers, so the
 * picture itself is hidden from assistive technology.
 */
export function NeedsChart({ needs }: { needs: GapsReport['needs'] }) {
  const captionId = useId();
  const shown = needs.filter((need) => need.openReferrals > 0 || need.activeServices > 0);
  if (shown.length === 0) return null;
  // Labels beside the bars are clipped at the plot's edge: leave room for the longest bar's number.
  const largest = Math.max(...shown.map((need) => Math.max(need.openReferrals, need.activeServices)));
  const dataset = shown.map((need) => ({ need: REFERRAL_REASONS[need.reason], openReferrals: need.openReferrals, activeServices: need.activeServices }));
  return (
    <Box component="figure" aria-labelledby={captionId} sx={{ m: 0, mb: 2 }}>
      <Typography id={captionId} component="figcaption" sx={{ fontWeight: 600, mb: 1 }}>
        Open referrals and active services for each need
      </Typography>
      <Box aria-hidden sx={{ maxWidth: 900 }}>
        <BarChart
          layout="horizontal"
          dataset={dataset}
          yAxis={[{ scaleType: 'band', dataKey: 'need', width: 210, tickLabelStyle: { fontSize: 13, fill: nhs.text } }]}
          xAxis={[{ min: 0, max: Math.max(1, Math.ceil(largest * 1.12)), tickMinStep: 1, label: 'Count', tickLabelStyle: { fill: nhs.text } }]}
          series={[
            { dataKey: 'openReferrals', label: 'Open referrals', color: nhs.blue, barLabel: valueLabel, barLabelPlacement: 'outside' },
            { dataKey: 'activeServices', label: 'Active services that meet it', color: nhs.green, barLabel: valueLabel, barLabelPlacement: 'outside' },
          ]}
          height={shown.length * ROW_HEIGHT + 110}
          grid={{ vertical: true }}
          slotProps={{ legend: { position: { vertical: 'top', horizontal: 'start' } } }}
          skipAnimation
          // The table after the chart is the accessible view; a hidden chart must not take focus.
          disableKeyboardNavigation
        />
      </Box>
    </Box>
  );
}
