import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { searchSessionsSchema, type SessionSearchResult } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { ToneChip } from '../../components/ToneChip';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate, plural } from '../../format';
import { FormTextField } from '../../forms/FormTextField';
import { sessionStatus } from './supervision-words';

type Input = z.input<typeof searchSessionsSchema>;
type Values = z.output<typeof searchSessionsSchema>;

const PLACES: Record<SessionSearchResult['matchedIn'][number], string> = {
  person: 'a person’s name',
  discussion: 'the discussion',
  decision: 'a decision',
  safeguarding: 'safeguarding',
  action: 'an action',
  addendum: 'an addendum',
};

/** Past sessions by words (names, discussion, decisions, safeguarding, actions, addenda) and by date. */
export function HistorySearch({ pairId, onOpen }: { pairId: string; onOpen: (sessionId: string) => void }) {
  const headingId = useId();
  const resultsId = useId();
  const [results, setResults] = useState<SessionSearchResult[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(searchSessionsSchema), defaultValues: { query: '', from: '', to: '', pairId } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      setResults(await api.supervision.search(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { query: 'query', from: 'from', to: 'to' })) setFailure(errorMessage(error));
    }
  });
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h2" component="h2" sx={{ mb: 2 }}>
        Search past sessions
      </Typography>
      <Box component="form" role="search" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <FormTextField control={form.control} name="query" label="Words or a name" margin="none" fullWidth={false} sx={{ width: 320 }} />
        <FormTextField control={form.control} name="from" label="From" type="date" margin="none" fullWidth={false} sx={{ width: 190 }} slotProps={{ inputLabel: { shrink: true } }} />
        <FormTextField control={form.control} name="to" label="To" type="date" margin="none" fullWidth={false} sx={{ width: 190 }} slotProps={{ inputLabel: { shrink: true } }} />
        <Button type="submit" variant="contained" startIcon={<SearchOutlined />} sx={{ minHeight: 56, alignSelf: 'flex-end' }}>
          Search
        </Button>
      </Box>
      {failure && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {failure}
        </Alert>
      )}
      {results && (
        <Box sx={{ mt: 3 }}>
          <Typography id={resultsId} role="status" sx={{ mb: 1 }}>
            {plural(results.length, 'session found', 'sessions found')}
          </Typography>
          <Box component="ul" aria-labelledby={resultsId} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
            {results.map(({ session, matchedIn }) => {
              const status = sessionStatus(session);
              return (
                <Box component="li" key={session.id} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, borderBottom: 1, borderColor: 'divider', pb: 1.5 }}>
                  <Typography sx={{ fontWeight: 600, minWidth: '9rem' }}>{formatDate(session.heldOn)}</Typography>
                  <ToneChip label={status.label} tone={status.tone} />
                  {matchedIn.length > 0 && <Typography variant="body2">Found in {matchedIn.map((place) => PLACES[place]).join(', ')}</Typography>}
                  <Button variant="outlined" size="small" onClick={() => onOpen(session.id)}>
                    Open<VisuallyHidden> the session of {formatDate(session.heldOn)}</VisuallyHidden>
                  </Button>
                </Box>
              );
            })}
          </Box>
        </Box>
      )}
    </Box>
  );
}
