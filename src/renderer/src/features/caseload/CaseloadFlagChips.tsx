import Box from '@mui/material/Box';
import { CASELOAD_FLAGS, type CaseloadFlag } from '../../../../shared/ipc/casework-schemas';
import { ToneChip, type Tone } from '../../components/ToneChip';

/** Red for what is already late, amber for what needs a look, blue for what to know. */
const FLAG_TONES: Record<CaseloadFlag, Tone> = {
  safeguarding: 'alert',
  risk: 'alert',
  no_first_contact: 'alert',
  coding_overdue: 'alert',
  over_12_weeks: 'warning',
  over_12_contacts: 'warning',
  no_recent_contact: 'warning',
  review_due: 'info',
  nhs_number_unknown: 'info',
  outcome_follow_up_due: 'info',
};

export function CaseloadFlagChips({ flags }: { flags: readonly CaseloadFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
      {flags.map((flag) => (
        <li key={flag}>
          <ToneChip label={CASELOAD_FLAGS[flag]} tone={FLAG_TONES[flag]} />
        </li>
      ))}
    </Box>
  );
}
