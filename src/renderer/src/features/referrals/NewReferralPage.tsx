import ArrowBack from '@mui/icons-material/ArrowBack';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { useAppNavigation, type ReferralPerson } from '../shell/app-navigation';
import { PersonStep } from './PersonStep';
import { ReferralStep } from './ReferralStep';

const STEPS = ['The person', 'The referral'] as const;

/**
 * A new referral: first the person (new, or found already in Linkdesk), then the referral itself,
 * then their record. Started from the record, it skips straight to the referral.
 */
export function NewReferralPage({ person: given }: { person: ReferralPerson | null }) {
  const { openArea, openPerson } = useAppNavigation();
  const [person, setPerson] = useState<ReferralPerson | null>(given);
  const cancel = () => (given ? openPerson(given.id) : openArea('caseload'));

  return (
    <>
      <Button startIcon={<ArrowBack />} onClick={cancel} sx={{ mb: 1, ml: -1 }}>
        {given ? 'Back to the record' : 'Back to the caseload'}
      </Button>
      <PageHeading>New referral</PageHeading>
      {!given && (
        <>
          <Stepper activeStep={person ? 1 : 0} sx={{ my: 2, maxWidth: 480 }}>
            {STEPS.map((label) => (
              <Step key={label}>
                <StepLabel>{label}</StepLabel>
              </Step>
            ))}
          </Stepper>
          <Typography variant="body2" sx={{ mb: 1, color: 'text.secondary' }}>
            Step {person ? 2 : 1} of {STEPS.length}
          </Typography>
        </>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 4 }, maxWidth: 960 }}>
        {person ? (
          <ReferralStep person={person} focusHeading={!given} onSaved={(episode) => openPerson(episode.personId)} onCancel={cancel} />
        ) : (
          <PersonStep onPerson={setPerson} onCancel={cancel} />
        )}
      </Paper>
    </>
  );
}
