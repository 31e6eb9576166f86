import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { SYSTEM_USE_PERIODS, type SystemUsePeriod } from '../../../../shared/domain/outcomes/system-use';
import type { SystemUse } from '../../../../shared/ipc/outcomes-schemas';
import { formatDate } from '../../format';

interface Props {
  systemUse: SystemUse;
  /** Absent for people who may not enter counts. */
  onEnter?: (period: SystemUsePeriod) => void;
}

type Window = NonNullable<SystemUse['after']>;

function windowText(window: Window): string {
  if (window.gpConsultations === null) return window.canEnter ? 'Not entered yet' : `Can be entered after ${formatDate(window.to)}`;
  return `${window.gpConsultations} GP consultations, ${window.aeAttendances} A&E attendances (entered ${formatDate(window.enteredOn)}${window.enteredBy ? ` by ${window.enteredBy}` : ''})`;
}

/** GP consultations and A&E attendances before and after the episode, for the common outcomes framework. */
export function SystemUseSummary({ systemUse, onEnter }: Props) {
  const windows: [SystemUsePeriod, Window | null][] = [
    ['before', systemUse.before],
    ['after', systemUse.after],
  ];
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h4" component="h4" sx={{ fontSize: '1.05rem', fontWeight: 600 }} gutterBottom>
        GP and A&E use
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
        {windows.map(([period, window]) => (
          <Box component="li" key={period} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
            <Typography component="span">
              <strong>{SYSTEM_USE_PERIODS[period].replace(/^./, (c) => c.toUpperCase())}</strong>
              {window ? ` (${formatDate(window.from)} to ${formatDate(window.to)}): ${windowText(window)}` : ': once the episode has closed'}
            </Typography>
            {onEnter && window?.canEnter && (
              <Button size="small" variant="outlined" onClick={() => onEnter(period)}>
                {window.gpConsultations === null ? 'Enter' : 'Correct'} counts {period === 'before' ? 'before' : 'after'}
              </Button>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
