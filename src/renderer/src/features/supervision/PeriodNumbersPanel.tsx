import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useId } from 'react';
import { PERIOD_NUMBERS, type PeriodNumber } from '../../../../shared/domain/supervision';
import type { SessionWorkspace } from '../../../../shared/ipc/supervision-schemas';
import { formatDate } from '../../format';

const KEYS = Object.keys(PERIOD_NUMBERS) as PeriodNumber[];

/**
 * The period's numbers beside the last signed session's, as a bar chart for a glance and a table
 * that says the same for anyone who would rather read. The chart is one image with the numbers as
 * its name (its keyboard navigation is off: the table is the way to go through them one by one).
 */
export function PeriodNumbersPanel({ workspace }: { workspace: SessionWorkspace }) {
  const headingId = useId();
  const { numbers, previous, session, numbersFrozen } = workspace;
  const thisLabel = `${formatDate(session.periodFrom)} to ${formatDate(session.heldOn)}`;
  const series = [
    ...(previous ? [{ data: KEYS.map((key) => previous.numbers[key]), label: `Last session (${formatDate(previous.heldOn)})`, color: '#768692' }] : []),
    { data: KEYS.map((key) => numbers[key]), label: 'This period', color: '#005EB8' },
  ];
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Numbers for the period
      </Typography>
      <Typography sx={{ mb: 2 }}>
        {thisLabel}. {numbersFrozen ? 'As they stood at sign-off.' : 'Worked out now from the caseload; they are kept as they are at sign-off.'}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 3, alignItems: 'start' }}>
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell>Measure</TableCell>
              <TableCell align="right">This period</TableCell>
              {previous && <TableCell align="right">Last session</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {KEYS.map((key) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {PERIOD_NUMBERS[key]}
                </TableCell>
                <TableCell align="right">{numbers[key]}</TableCell>
                {previous && <TableCell align="right">{previous.numbers[key]}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box role="img" aria-label={`Bar chart. This period: ${KEYS.map((key) => `${PERIOD_NUMBERS[key]} ${numbers[key]}`).join(', ')}.`}>
          <BarChart
            disableKeyboardNavigation
            height={240}
            skipAnimation
            xAxis={[{ scaleType: 'band', data: KEYS.map((key) => PERIOD_NUMBERS[key].replace('Waiting for a first contact', 'Waiting')) }]}
            yAxis={[{ tickMinStep: 1 }]}
            series={series}
            margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
          />
        </Box>
      </Box>
    </Paper>
  );
}
