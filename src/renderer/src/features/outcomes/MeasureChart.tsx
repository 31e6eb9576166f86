import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import { useId } from 'react';
import { INSTRUMENTS, type Instrument } from '../../../../shared/domain/outcomes/instruments';
import { ONS4_ITEMS } from '../../../../shared/domain/outcomes/ons4';
import { SWEMWBS_RAW_MAX, SWEMWBS_RAW_MIN } from '../../../../shared/domain/outcomes/swemwbs';
import { UCLA3_TOTAL_MAX, UCLA3_TOTAL_MIN } from '../../../../shared/domain/outcomes/ucla3';
import type { Measure } from '../../../../shared/ipc/outcomes-schemas';
import { formatDate } from '../../format';

/** NHS blues, green and warm yellow: distinct for colour-blind readers, each with its own marker too. */
const COLOURS = ['#005EB8', '#007F3B', '#7C2855', '#ED8B00'];

interface Series {
  label: string;
  data: number[];
}

function seriesOf(instrument: Instrument, measures: readonly Measure[]): { series: Series[]; min: number; max: number; caption: string } {
  if (instrument === 'ons4') {
    return {
      series: ONS4_ITEMS.map((item, index) => ({ label: item.label, data: measures.map((measure) => measure.answers![index]!) })),
      min: 0,
      max: 10,
      caption: 'ONS4 scores over time, each 0 to 10 (higher is better, except anxiety)',
    };
  }
  if (instrument === 'swemwbs') {
    return {
      series: [{ label: 'SWEMWBS metric score', data: measures.map((measure) => measure.metric!) }],
      min: SWEMWBS_RAW_MIN,
      max: SWEMWBS_RAW_MAX,
      caption: 'SWEMWBS metric score over time, 7 to 35 (higher is better)',
    };
  }
  return {
    series: [{ label: 'Loneliness score', data: measures.map((measure) => measure.total!) }],
    min: UCLA3_TOTAL_MIN,
    max: UCLA3_TOTAL_MAX,
    caption: 'UCLA loneliness score over time, 3 to 9 (lower is less lonely)',
  };
}

/** Dates along the axis; a second measure on the same day becomes "3 Mar 2026 (2)", as points need distinct labels. */
function pointLabels(measures: readonly Measure[]): string[] {
  const seen = new Map<string, number>();
  return measures.map((measure) => {
    const date = formatDate(measure.recordedOn);
    const count = (seen.get(date) ?? 0) + 1;
    seen.set(date, count);
    return count === 1 ? date : `${date} (${count})`;
  });
}

/**
 * One measure over time as a line chart. The same numbers are in the table beside it, so the
 * chart is a picture for those who would rather look than read, not the only way to get them.
 */
export function MeasureChart({ instrument, measures }: { instrument: Instrument; measures: readonly Measure[] }) {
  const captionId = useId();
  const answered = measures.filter((measure) => measure.instrument === instrument && !measure.declined);
  if (answered.length === 0) return null;
  const { series, min, max, caption } = seriesOf(instrument, answered);
  return (
    <Box component="figure" aria-labelledby={captionId} sx={{ m: 0, mt: 2 }}>
      <Typography id={captionId} component="figcaption" variant="body2" sx={{ fontWeight: 600 }}>
        {caption}
      </Typography>
      <LineChart
        height={240}
        skipAnimation
        // Room on the right, so the last date on the axis is not cut off.
        margin={{ right: 48 }}
        xAxis={[{ scaleType: 'point', data: pointLabels(answered) }]}
        yAxis={[{ min, max }]}
        series={series.map((entry, index) => ({ ...entry, color: COLOURS[index], curve: 'linear', showMark: true }))}
        aria-label={`${INSTRUMENTS[instrument].shortLabel} chart`}
      />
    </Box>
  );
}
