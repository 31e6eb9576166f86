import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatNhsNumber } from '../../../../shared/domain/nhs-number';
import type { DuplicateMatch } from '../../../../shared/ipc/casework-schemas';
import { PageHeading } from '../../components/PageHeading';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../format';

const MATCHED_ON: Record<DuplicateMatch['matchedOn'], string> = {
  nhs_number: 'Same NHS number',
  name_and_date_of_birth: 'Same name and date of birth',
};

interface Props {
  matches: readonly DuplicateMatch[];
  busy: boolean;
  failure: string | null;
  onUse: (match: DuplicateMatch) => void;
  onSomeoneElse: (match: DuplicateMatch) => void;
  onBack: () => void;
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

/**
 * Linkdesk found someone who may be the same person. Same NHS number means the same person; a
 * name and date of birth match may be someone else, and the user says so.
 */
export function DuplicateMatches({ matches, busy, failure, onUse, onSomeoneElse, onBack }: Props) {
  return (
    <Box component="section">
      <PageHeading level={2}>This person may already be in Linkdesk</PageHeading>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        Check the details below. Using the existing record keeps everything about the person in one place.
      </Typography>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
        {matches.map((match) => (
          <Paper component="li" variant="outlined" key={match.id} sx={{ p: 2.5 }}>
            <Typography variant="h3" component="h3" gutterBottom>
              {fullName(match)}
              {match.preferredName && ` (known as ${match.preferredName})`}
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dt': { fontWeight: 600 }, '& dd': { m: 0 } }}>
              <dt>Date of birth</dt>
              <dd>{formatDate(match.dateOfBirth)}</dd>
              <dt>NHS number</dt>
              <dd>{match.nhsNumber ? formatNhsNumber(match.nhsNumber) : 'Not known'}</dd>
              <dt>What matched</dt>
              <dd>{MATCHED_ON[match.matchedOn]}</dd>
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 2 }}>
              <Button variant="contained" disabled={busy} onClick={() => onUse(match)}>
                Use this person<VisuallyHidden>: {fullName(match)}</VisuallyHidden>
              </Button>
              {match.matchedOn === 'name_and_date_of_birth' && (
                <Button variant="outlined" loading={busy} onClick={() => onSomeoneElse(match)}>
                  This is someone else<VisuallyHidden>, not {fullName(match)} in Linkdesk</VisuallyHidden>
                </Button>
              )}
            </Box>
          </Paper>
        ))}
      </Box>
      <Button sx={{ mt: 3 }} onClick={onBack}>
        Back to the details
      </Button>
    </Box>
  );
}
