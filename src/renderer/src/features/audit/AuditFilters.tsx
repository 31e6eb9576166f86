import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { AUDIT_ACTION_NAMES } from '../../../../shared/audit-actions';
import { actionLabel } from './audit-columns';

export interface AuditFilterValues {
  action: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: '', from: '', to: '' };

interface Props {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
}

export function AuditFilters({ values, onChange }: Props) {
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value });
  const anySet = values.action !== '' || values.from !== '' || values.to !== '';
  return (
    <Box role="search" aria-label="Filter the audit log" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}>
      <TextField
        select
        label="Action"
        value={values.action}
        onChange={set('action')}
        fullWidth={false}
        margin="none"
        slotProps={{ select: { displayEmpty: true } }}
        sx={{ minWidth: 280 }}
      >
        <MenuItem value="">All actions</MenuItem>
        {AUDIT_ACTION_NAMES.map((name) => (
          <MenuItem key={name} value={name}>
            {actionLabel(name)}
          </MenuItem>
        ))}
      </TextField>
      <DateFilter label="From" value={values.from} onChange={set('from')} max={values.to} />
      <DateFilter label="To" value={values.to} onChange={set('to')} min={values.from} />
      {anySet && (
        <Button variant="text" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}

interface DateFilterProps {
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  /** The other end of the range, when it is set. */
  min?: string;
  max?: string;
}

function DateFilter({ label, value, onChange, min, max }: DateFilterProps) {
  return (
    <TextField
      type="date"
      label={label}
      value={value}
      onChange={onChange}
      fullWidth={false}
      margin="none"
      slotProps={{ htmlInput: { min: min || undefined, max: max || undefined } }}
    />
  );
}
