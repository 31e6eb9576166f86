import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import {
  EPISODE_STATUSES,
  REFERRAL_REASONS,
  REFERRAL_SOURCES,
  type EpisodeStatus,
  type ReferralReason,
  type ReferralSource,
} from '../../../../shared/domain/referral';
import { CASELOAD_FLAGS, type CaseloadFlag } from '../../../../shared/ipc/casework-schemas';

export interface CaseloadFilterValues {
  workerUserId: string;
  status: EpisodeStatus | '';
  source: ReferralSource | '';
  reason: ReferralReason | '';
  flag: CaseloadFlag | '';
  includeClosed: boolean;
}

export const NO_CASELOAD_FILTERS: CaseloadFilterValues = { workerUserId: '', status: '', source: '', reason: '', flag: '', includeClosed: false };

interface Worker {
  id: string;
  displayName: string;
}

interface Props {
  values: CaseloadFilterValues;
  onChange: (values: CaseloadFilterValues) => void;
  workers: readonly Worker[];
  /** The signed-in link worker, offered first as "My caseload"; null for supervisors. */
  me: Worker | null;
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      fullWidth={false}
      margin="none"
      slotProps={{ select: { displayEmpty: true } }}
      sx={{ width: 210 }}
    >
      {children}
    </TextField>
  );
}

/** The caseload's filters. Main does the filtering, so they cover every page, not just the one shown. */
export function CaseloadFilters({ values, onChange, workers, me }: Props) {
  const set = <K extends keyof CaseloadFilterValues>(key: K) => (value: CaseloadFilterValues[K]) => onChange({ ...values, [key]: value });
  const others = workers.filter((worker) => worker.id !== me?.id);
  const anySet = JSON.stringify(values) !== JSON.stringify(NO_CASELOAD_FILTERS);
  return (
    <Box role="search" aria-label="Filter the caseload" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 2, mb: 2 }}>
      <FilterSelect label="Link worker" value={values.workerUserId} onChange={set('workerUserId')}>
        <MenuItem value="">All link workers</MenuItem>
        {me && <MenuItem value={me.id}>My caseload</MenuItem>}
        {others.length > 0 && <Divider />}
        {others.map((worker) => (
          <MenuItem key={worker.id} value={worker.id}>
            {worker.displayName}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect label="Status" value={values.status} onChange={(value) => set('status')(value as CaseloadFilterValues['status'])}>
        <MenuItem value="">Any status</MenuItem>
        {Object.entries(EPISODE_STATUSES).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect label="Source" value={values.source} onChange={(value) => set('source')(value as CaseloadFilterValues['source'])}>
        <MenuItem value="">Any source</MenuItem>
        {Object.entries(REFERRAL_SOURCES).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect label="Reason" value={values.reason} onChange={(value) => set('reason')(value as CaseloadFilterValues['reason'])}>
        <MenuItem value="">Any reason</MenuItem>
        {Object.entries(REFERRAL_REASONS).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect label="Flag" value={values.flag} onChange={(value) => set('flag')(value as CaseloadFilterValues['flag'])}>
        <MenuItem value="">Any flag</MenuItem>
        {Object.entries(CASELOAD_FLAGS).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FilterSelect>
      <FormControlLabel
        label="Include closed"
        control={<Switch checked={values.includeClosed} onChange={(_event, checked) => set('includeClosed')(checked)} />}
        sx={{ minHeight: 56 }}
      />
      {anySet && (
        <Button variant="text" onClick={() => onChange(NO_CASELOAD_FILTERS)} sx={{ minHeight: 56 }}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
