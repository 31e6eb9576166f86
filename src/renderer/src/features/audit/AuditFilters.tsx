import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { AUDIT_ACTION_NAMES } from '../../../../shared/audit-actions';
import type { UserSummary } from '../../../../shared/ipc/contract';
import { actionLabel } from './audit-columns';

export interface AuditFilterValues {
  action: string;
  actorUserId: string;
  /** A person's (or any record's) id, pasted from the record or picked from an entry. */
  entityId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: '', actorUserId: '', entityId: '', from: '', to: '' };

// The select lists actions by what people read, not by their codes.
const ACTIONS_BY_LABEL = [...AUDIT_ACTION_NAMES].sort((a, b) => actionLabel(a).localeCompare(actionLabel(b), 'en-GB'));

interface Props {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  users: readonly UserSummary[];
}

export function AuditFilters({ values, onChange, users }: Props) {
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value });
  const anySet = Object.values(values).some((value) => value !== '');
  return (
    <Box role="search" aria-label="Filter the audit log" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, mb: 2 }}>
      <FilterSelect label="Action" value={values.action} onChange={set('action')} width={300}>
        <MenuItem value="">All actions</MenuItem>
        {ACTIONS_BY_LABEL.map((name) => (
          <MenuItem key={name} value={name}>
            {actionLabel(name)}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect label="Who" value={values.actorUserId} onChange={set('actorUserId')} width={220}>
        <MenuItem value="">Everyone</MenuItem>
        {users.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.displayName} ({user.username})
          </MenuItem>
        ))}
      </FilterSelect>
      <TextField
        label="Person or record id"
        value={values.entityId}
        onChange={(event) => onChange({ ...values, entityId: event.target.value.trim() })}
        fullWidth={false}
        margin="none"
        helperText="Paste the id from the foot of a person’s record"
        slotProps={{ htmlInput: { maxLength: 60, spellCheck: false, autoComplete: 'off' } }}
        sx={{ width: 320 }}
      />
      <DateFilter label="From" value={values.from} onChange={set('from')} max={values.to} />
      <DateFilter label="To" value={values.to} onChange={set('to')} min={values.from} />
      {anySet && (
        <Button variant="text" onClick={() => onChange(NO_FILTERS)} sx={{ mt: 1 }}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  width: number;
  children: ReactNode;
}

function FilterSelect({ label, value, onChange, width, children }: FilterSelectProps) {
  return (
    <TextField select label={label} value={value} onChange={onChange} fullWidth={false} margin="none" slotProps={{ select: { displayEmpty: true } }} sx={{ width }}>
      {children}
    </TextField>
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
