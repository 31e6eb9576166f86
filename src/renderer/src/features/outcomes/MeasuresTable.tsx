import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { INSTRUMENTS, TIMEPOINTS } from '../../../../shared/domain/outcomes/instruments';
import { ONS4_ITEMS, ons4Band } from '../../../../shared/domain/outcomes/ons4';
import { formatMetric } from '../../../../shared/domain/outcomes/swemwbs';
import type { Measure } from '../../../../shared/ipc/outcomes-schemas';
import { formatDate } from '../../format';

/** What a measure said, as a reader would put it: ONS4 item by item with bands, never summed. */
export function measureResult(measure: Measure): string {
  if (measure.declined) return 'Declined to answer';
  if (measure.instrument === 'ons4') return ONS4_ITEMS.map((item, index) => `${item.label} ${measure.answers![index]} (${ons4Band(item.code, measure.answers![index]!)})`).join('; ');
  if (measure.instrument === 'swemwbs') return `Metric score ${formatMetric(measure.metric!)} (raw ${measure.total})`;
  return `Loneliness score ${measure.total} of 9`;
}

/** Every measure of a referral, oldest first. */
export function MeasuresTable({ measures, caption }: { measures: readonly Measure[]; caption: string }) {
  return (
    <Table size="small" sx={{ mt: 2 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, fontWeight: 600 }}>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Date</TableCell>
          <TableCell component="th" scope="col">Measure</TableCell>
          <TableCell component="th" scope="col">When</TableCell>
          <TableCell component="th" scope="col">Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {measures.map((measure) => (
          <TableRow key={measure.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(measure.recordedOn)}</TableCell>
            <TableCell>{INSTRUMENTS[measure.instrument].shortLabel}</TableCell>
            <TableCell>{TIMEPOINTS[measure.timepoint]}</TableCell>
            <TableCell>{measureResult(measure)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
