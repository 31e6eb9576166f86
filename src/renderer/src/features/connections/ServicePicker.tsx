import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type Ref } from 'react';
import { DIRECTORY_CATEGORIES, DIRECTORY_STATUSES } from '../../../../shared/domain/directory';
import type { DirectoryRow } from '../../../../shared/ipc/directory-contract';
import { DirectoryStatusChip } from '../directory/directory-words';
import { useServiceSearch } from './useServiceSearch';

interface Props {
  value: DirectoryRow | null;
  onChange: (service: DirectoryRow | null) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error: string | undefined;
  autoFocus?: boolean;
}

/** Only active services take new connections (main refuses the others too). */
export function canConnectTo(service: Pick<DirectoryRow, 'status'>): boolean {
  return service.status === 'active';
}

function ServiceOption({ service }: { service: DirectoryRow }) {
  const open = canConnectTo(service);
  return (
    <Box sx={{ py: 0.5, minWidth: 0, width: '100%' }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography component="span" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {service.name}
        </Typography>
        <DirectoryStatusChip status={service.status} />
      </Box>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {service.organisationName} · {DIRECTORY_CATEGORIES[service.category]}
      </Typography>
      {!open && (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {DIRECTORY_STATUSES[service.status]}: cannot be chosen
        </Typography>
      )}
    </Box>
  );
}

/**
 * Finds a group or service in the directory by name, description or organisation. Each option
 * shows its organisation, category and status; paused and closed ones are listed but cannot be chosen.
 */
export function ServicePicker({ value, onChange, onBlur, inputRef, error, autoFocus }: Props) {
  const [typed, setTyped] = useState('');
  const found = useServiceSearch(typed);
  const more = found.total > found.rows.length ? `Showing ${found.rows.length} of ${found.total}: type more of the name to narrow the list.` : undefined;

  return (
    <Autocomplete<DirectoryRow>
      value={value}
      onChange={(_event, chosen) => onChange(chosen)}
      inputValue={typed}
      onInputChange={(_event, text) => setTyped(text)}
      onBlur={onBlur}
      options={found.rows}
      // The directory search has already matched the words; keep its order and the chosen one.
      filterOptions={(options) => options}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      getOptionLabel={(option) => `${option.name} (${option.organisationName})`}
      getOptionKey={(option) => option.id}
      getOptionDisabled={(option) => !canConnectTo(option)}
      loading={found.searching}
      loadingText="Searching the directory…"
      noOptionsText={found.error ?? 'No group or service found'}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <ServiceOption service={option} />
        </li>
      )}
      // Paused and closed services stay readable (MUI would fade them to 38%): the words say they cannot be chosen.
      slotProps={{ listbox: { sx: { '& .MuiAutocomplete-option[aria-disabled="true"]': { opacity: 1, bgcolor: 'grey.100' } } } }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Group or service"
          autoFocus={autoFocus}
          inputRef={inputRef}
          error={Boolean(error)}
          helperText={error ?? more ?? 'Type part of its name, what it does or the organisation'}
        />
      )}
    />
  );
}
