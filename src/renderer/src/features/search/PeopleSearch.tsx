import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { formatNhsNumber } from '../../../../shared/domain/nhs-number';
import { formatDate } from '../../format';
import { nhs } from '../../theme';
import { useAppNavigation } from '../shell/app-navigation';
import { usePeopleSearch, type SearchResult } from './usePeopleSearch';

const MATCHED_IN: Record<SearchResult['matchedIn'], string> = {
  name: 'name',
  nhs_number: 'NHS number',
  date_of_birth: 'date of birth',
  notes: 'notes',
};

function ResultOption({ result }: { result: SearchResult }) {
  return (
    <Box sx={{ py: 0.5, minWidth: 0 }}>
      <Typography sx={{ fontWeight: 700 }}>{result.name}</Typography>
      <Typography variant="body2">
        Born {formatDate(result.dateOfBirth)} · {result.nhsNumber ? `NHS ${formatNhsNumber(result.nhsNumber)}` : 'NHS number not known'}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
        Found in {MATCHED_IN[result.matchedIn]}
        {result.snippet && `: “${result.snippet}”`}
      </Typography>
    </Box>
  );
}

interface Props {
  /**
   * What choosing a person does: by default (the app bar) it opens their record. Given, the box is
   * an ordinary labelled field that hands the choice back (the export centre picks a person with it).
   */
  onChoose?: (result: SearchResult) => void;
  label?: string;
}

/** "Search people" in the app bar: name, NHS number, date of birth or notes; choosing a person opens their record. */
export function PeopleSearch({ onChoose, label = 'Search people' }: Props = {}) {
  const { openPerson } = useAppNavigation();
  const inField = onChoose !== undefined;
  const [typed, setTyped] = useState('');
  const [focused, setFocused] = useState(false);
  const { results, searching, error, ready } = usePeopleSearch(typed);

  return (
    <Autocomplete<SearchResult, false, false, true>
      freeSolo
      value={null}
      inputValue={typed}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') setTyped(value);
      }}
      onChange={(_event, chosen) => {
        if (chosen && typeof chosen !== 'string') {
          setTyped('');
          if (onChoose) onChoose(chosen);
          else openPerson(chosen.personId);
        }
      }}
      open={focused && ready}
      onOpen={() => setFocused(true)}
      onClose={() => setFocused(false)}
      options={results}
      filterOptions={(options) => options}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
      getOptionKey={(option) => (typeof option === 'string' ? option : option.personId)}
      loading={searching}
      loadingText="Searching…"
      noOptionsText={error ?? 'No one found'}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <ResultOption result={option} />
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          margin="none"
          placeholder={inField ? undefined : label}
          label={inField ? label : undefined}
          autoFocus={inField}
          helperText={inField ? 'Name, NHS number or date of birth' : undefined}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, ...(inField ? {} : { 'aria-label': label }) },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined sx={{ color: nhs.secondaryText }} />
                </InputAdornment>
              ),
            },
          }}
        />
      )}
      slotProps={{ listbox: { 'aria-label': 'People found' } }}
      sx={
        inField
          ? { width: '100%', mt: 1 }
          : {
              width: { xs: 220, md: 320 },
              '& .MuiOutlinedInput-root': { bgcolor: 'background.paper', py: 0.25 },
              '& .MuiOutlinedInput-notchedOutline': { borderColor: 'transparent' },
              '& input::placeholder': { color: nhs.secondaryText, opacity: 1 },
            }
      }
    />
  );
}
