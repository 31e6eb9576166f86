import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import {
  ACCESSIBILITY_FEATURES,
  DIRECTORY_CATEGORIES,
  DIRECTORY_COSTS,
  DIRECTORY_STATUSES,
  WEEKDAYS,
  type AccessibilityFeature,
  type DirectoryCategory,
  type DirectoryCost,
  type DirectoryStatus,
  type Weekday,
} from '../../../../shared/domain/directory';

export interface DirectoryFilterValues {
  text: string;
  category: DirectoryCategory | '';
  weekday: Weekday | '';
  cost: DirectoryCost | '';
  area: string;
  accessibility: AccessibilityFeature[];
  status: DirectoryStatus | '';
  staleOnly: boolean;
  sort: 'name' | 'last_checked' | 'relevance';
}

export const NO_DIRECTORY_FILTERS: DirectoryFilterValues = { text: '', category: '', weekday: '', cost: '', area: '', accessibility: [], status: '', staleOnly: false, sort: 'name' };

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      fullWidth={false}
      margin="none"
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      sx={{ width: 200 }}
    >
      {children}
    </TextField>
  );
}

function options(labels: Readonly<Record<string, string>>) {
  return Object.entries(labels).map(([code, label]) => (
    <MenuItem key={code} value={code}>
      {label}
    </MenuItem>
  ));
}

interface Props {
  values: DirectoryFilterValues;
  onChange: (values: DirectoryFilterValues) => void;
  staleLabel: string;
}

/** The directory's filters. Main does the filtering and searching, over every page. */
export function DirectoryFilters({ values, onChange, staleLabel }: Props) {
  const set = <K extends keyof DirectoryFilterValues>(key: K) => (value: DirectoryFilterValues[K]) => onChange({ ...values, [key]: value });
  const anySet = JSON.stringify(values) !== JSON.stringify(NO_DIRECTORY_FILTERS);
  const dayLabels = Object.fromEntries(Object.entries(WEEKDAYS).map(([code, day]) => [code, day.label]));
  return (
    <Box role="search" aria-label="Filter the directory" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 2, mb: 2 }}>
      <TextField
        type="search"
        label="Search the directory"
        value={values.text}
        onChange={(event) => set('text')(event.target.value)}
        helperText="Words from the name, description or organisation"
        margin="none"
        fullWidth={false}
        slotProps={{ htmlInput: { maxLength: 100 } }}
        sx={{ width: 320 }}
      />
      <FilterSelect label="Category" value={values.category} onChange={(value) => set('category')(value as DirectoryFilterValues['category'])}>
        <MenuItem value="">Any category</MenuItem>
        {options(DIRECTORY_CATEGORIES)}
      </FilterSelect>
      <FilterSelect label="Day" value={values.weekday} onChange={(value) => set('weekday')(value as DirectoryFilterValues['weekday'])}>
        <MenuItem value="">Any day</MenuItem>
        {options(dayLabels)}
      </FilterSelect>
      <FilterSelect label="Cost" value={values.cost} onChange={(value) => set('cost')(value as DirectoryFilterValues['cost'])}>
        <MenuItem value="">Any cost</MenuItem>
        {options(DIRECTORY_COSTS)}
      </FilterSelect>
      <TextField
        label="Area or postcode"
        value={values.area}
        onChange={(event) => set('area')(event.target.value)}
        helperText="For example LS6, or a town"
        margin="none"
        fullWidth={false}
        slotProps={{ htmlInput: { maxLength: 60 } }}
        sx={{ width: 200 }}
      />
      <TextField
        select
        label="Accessibility"
        value={values.accessibility}
        onChange={(event) => set('accessibility')(event.target.value as unknown as AccessibilityFeature[])}
        margin="none"
        fullWidth={false}
        slotProps={{
          inputLabel: { shrink: true },
          select: {
            multiple: true,
            displayEmpty: true,
            renderValue: (selected) => {
              const chosen = selected as AccessibilityFeature[];
              return chosen.length === 0 ? 'Any' : chosen.map((feature) => ACCESSIBILITY_FEATURES[feature]).join(', ');
            },
          },
        }}
        sx={{ width: 240 }}
      >
        {Object.entries(ACCESSIBILITY_FEATURES).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            <Checkbox checked={values.accessibility.includes(code as AccessibilityFeature)} tabIndex={-1} disableRipple sx={{ py: 0 }} />
            <ListItemText primary={label} />
          </MenuItem>
        ))}
      </TextField>
      <FilterSelect label="Status" value={values.status} onChange={(value) => set('status')(value as DirectoryFilterValues['status'])}>
        <MenuItem value="">Any status</MenuItem>
        {options(DIRECTORY_STATUSES)}
      </FilterSelect>
      <FormControlLabel
        label={staleLabel}
        control={<Switch checked={values.staleOnly} onChange={(_event, checked) => set('staleOnly')(checked)} />}
        sx={{ minHeight: 56 }}
      />
      <FilterSelect label="Sort by" value={values.sort} onChange={(value) => set('sort')(value as DirectoryFilterValues['sort'])}>
        <MenuItem value="name">Name</MenuItem>
        <MenuItem value="last_checked">Last checked, oldest first</MenuItem>
        <MenuItem value="relevance" disabled={values.text.trim() === ''}>
          Best match for the search
        </MenuItem>
      </FilterSelect>
      {anySet && (
        <Button variant="text" onClick={() => onChange(NO_DIRECTORY_FILTERS)} sx={{ minHeight: 56 }}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
