import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { REPORT_MAX_MONTHS, monthSpan } from '../../../../shared/domain/reports';
import type { ReportOptions } from '../../../../shared/ipc/reports-schemas';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from './report-period';

export interface ReportFilterValues {
  preset: PeriodPreset;
  from: string;
  to: string;
  /** '' for everyone. */
  workerUserId: string;
}

export function defaultFilters(today: Date = new Date()): ReportFilterValues {
  return { preset: 'last_6_months', ...presetPeriod('last_6_months', today), workerUserId: '' };
}

/** What is wrong with the period as typed, or null; main checks the same and more. */
export function periodProblem(values: ReportFilterValues): string | null {
  if (values.from === '' || values.to === '') return 'Enter both dates of the period';
  if (values.to < values.from) return 'The end of the period must be on or after its start';
  if (monthSpan(values.from, values.to) > REPORT_MAX_MONTHS) return `Choose a period of ${REPORT_MAX_MONTHS} months or less`;
  return null;
}

interface Props {
  values: ReportFilterValues;
  onChange: (values: ReportFilterValues) => void;
  workers: ReportOptions['workers'];
}

/** The period (a preset or two dates) and the link worker the report covers. */
export function ReportFilters({ values, onChange, workers }: Props) {
  const problem = periodProblem(values);
  const choosePreset = (preset: PeriodPreset) => onChange(preset === 'custom' ? { ...values, preset } : { ...values, preset, ...presetPeriod(preset) });
  const setDate = (key: 'from' | 'to') => (event: { target: { value: string } }) => onChange({ ...values, preset: 'custom', [key]: event.target.value });
  return (
    <Box role="search" aria-label="Choose what the report covers" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, mb: 3 }}>
      <TextField select label="Period" value={values.preset} onChange={(event) => choosePreset(event.target.value as PeriodPreset)} fullWidth={false} margin="none" sx={{ width: 240 }}>
        {Object.entries(PERIOD_PRESETS).map(([key, label]) => (
          <MenuItem key={key} value={key}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField type="date" label="From" value={values.from} onChange={setDate('from')} fullWidth={false} margin="none" error={problem !== null} />
      <TextField
        type="date"
        label="To"
        value={values.to}
        onChange={setDate('to')}
        fullWidth={false}
        margin="none"
        error={problem !== null}
        helperText={problem ?? ' '}
        slotProps={{ htmlInput: { min: values.from || undefined } }}
      />
      <TextField
        select
        label="Link worker"
        value={values.workerUserId}
        onChange={(event) => onChange({ ...values, workerUserId: event.target.value })}
        fullWidth={false}
        margin="none"
        slotProps={{ select: { displayEmpty: true } }}
        sx={{ width: 260 }}
      >
        <MenuItem value="">Everyone</MenuItem>
        {workers.map((worker) => (
          <MenuItem key={worker.id} value={worker.id}>
            {worker.disabled ? `${worker.displayName} (left)` : worker.displayName}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
