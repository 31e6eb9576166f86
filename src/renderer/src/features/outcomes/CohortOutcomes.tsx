import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { subYears } from 'date-fns';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { cohortQuerySchema, type CohortOutcomes as Cohort } from '../../../../shared/ipc/outcomes-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { todayIsoDate } from '../../dates';
import { formatDate } from '../../format';
import { FormTextField } from '../../forms/FormTextField';
import { CohortCharts } from './CohortCharts';

type Query = z.infer<typeof cohortQuerySchema>;

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
const oneDecimal = (value: number | null) => (value === null ? 'Not shown' : value.toFixed(1));

function ItemsTable({ cohort }: { cohort: Cohort }) {
  return (
    <Table size="small" sx={{ mt: 2 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, fontWeight: 600 }}>ONS4 at the start and the end, per item (never summed)</caption>
      <TableHead>
        <TableRow>
          {['Item', 'Mean at the start', 'Mean at the end', 'Mean change (95% confidence interval)', 'At least one band better'].map((heading) => (
            <TableCell key={heading} component="th" scope="col">
              {heading}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {cohort.items.map((item) => (
          <TableRow key={item.item}>
            <TableCell component="th" scope="row">
              {item.label}
              {!item.higherIsBetter && ' (lower is better)'}
            </TableCell>
            <TableCell>{item.baselineMean.toFixed(2)}</TableCell>
            <TableCell>{item.endMean.toFixed(2)}</TableCell>
            <TableCell>
              {signed(item.meanChange)} ({signed(item.ciLow)} to {signed(item.ciHigh)})
            </TableCell>
            <TableCell>{Math.round(item.improvedShare * 100)}%</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SystemUseTable({ systemUse }: { systemUse: Cohort['systemUse'] }) {
  return (
    <Table size="small" sx={{ mt: 3 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, fontWeight: 600 }}>
        GP and A&E use, mean per person over 6 months ({systemUse.people.text} people with both counts)
      </caption>
      <TableHead>
        <TableRow>
          {['', '6 months before', '6 months after'].map((heading) => (
            <TableCell key={heading || 'what'} component="th" scope="col">
              {heading || 'Use'}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          <TableCell component="th" scope="row">GP consultations</TableCell>
          <TableCell>{oneDecimal(systemUse.gpBefore)}</TableCell>
          <TableCell>{oneDecimal(systemUse.gpAfter)}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell component="th" scope="row">A&E attendances</TableCell>
          <TableCell>{oneDecimal(systemUse.aeBefore)}</TableCell>
          <TableCell>{oneDecimal(systemUse.aeAfter)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/**
 * Cohort outcomes: for people whose referral closed in a period, how many have ONS4 at the start
 * and the end, the mean change per item with its 95% confidence interval, and the share a band
 * better. Aggregate, with small numbers suppressed, so every role may see it.
 */
export function CohortOutcomes() {
  const headingId = useId();
  const [cohort, setCohort] = useState<Cohort | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Query>({ resolver: zodResolver(cohortQuerySchema), defaultValues: { from: todayIsoDate(subYears(new Date(), 1)), to: todayIsoDate() } });
  const submit = form.handleSubmit(async (query) => {
    setFailure(null);
    try {
      setCohort(await api.outcomes.cohort(query));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { from: 'from', to: 'to' })) setFailure(errorMessage(error));
    }
  });

  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3, mt: 3 }}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Wellbeing outcomes of closed referrals
      </Typography>
      <Typography sx={{ mb: 2 }}>People whose referral closed in the period (their latest one), with ONS4 answered at the start and at the end.</Typography>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2 }}>
        <FormTextField control={form.control} name="from" label="Closed from" type="date" slotProps={{ inputLabel: { shrink: true } }} />
        <FormTextField control={form.control} name="to" label="Closed to" type="date" slotProps={{ inputLabel: { shrink: true } }} />
        <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ minHeight: 56 }}>
          Show outcomes
        </Button>
      </Box>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {failure}
        </Alert>
      )}
      {cohort && (
        <Box role="status" aria-live="polite" sx={{ mt: 3 }}>
          <Typography>
            Closed from {formatDate(cohort.from)} to {formatDate(cohort.to)}: <strong>{cohort.closed.text}</strong> people. With ONS4 at the start and the end:{' '}
            <strong>{cohort.pairedOns4.text}</strong>.
          </Typography>
          {cohort.items.length === 0 && cohort.closed.value !== 0 && (
            <Alert severity="info" sx={{ mt: 2 }}>
              Fewer than {cohort.threshold} people have ONS4 at the start and the end, so no figures are shown: small numbers could identify people.
            </Alert>
          )}
        </Box>
      )}
      {cohort && cohort.items.length > 0 && (
        <>
          <ItemsTable cohort={cohort} />
          <CohortCharts items={cohort.items} />
        </>
      )}
      {cohort && <SystemUseTable systemUse={cohort.systemUse} />}
      {cohort && (
        <Typography variant="body2" sx={{ mt: 2, color: 'text.secondary' }}>
          The 95% confidence interval is the mean change ± t(0.975, n − 1) × SD ÷ √n. Counts from 1 to {cohort.threshold - 1} show as “&lt;{cohort.threshold}”; others are rounded
          to the nearest 5. Statistics for fewer than {cohort.threshold} people are not shown.
        </Typography>
      )}
    </Paper>
  );
}
