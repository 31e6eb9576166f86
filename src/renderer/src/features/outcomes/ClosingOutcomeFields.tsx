import Typography from '@mui/material/Typography';
import { useWatch, type Control } from 'react-hook-form';
import { FINAL_ONS4_CHOICES, type ClosingDraft } from '../../../../shared/ipc/outcomes-schemas';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';
import type { ClosingFormInput, ClosingFormValues } from './closing-form';
import { Ons4Fields } from './Ons4Fields';

interface Props {
  control: Control<ClosingFormInput, unknown, ClosingFormValues>;
  /** Null while the suggestions load. */
  draft: ClosingDraft | null;
  /** A declined referral has nothing to measure. */
  declined: boolean;
}

/**
 * The PRSB summary (what mattered, what was offered, what the result was) and the final ONS4,
 * asked when closing an episode. The message back to the GP and referrer is made from them.
 */
export function ClosingOutcomeFields({ control, draft, declined }: Props) {
  const finalOns4 = useWatch({ control, name: 'finalOns4' });
  return (
    <>
      <Typography component="h3" variant="subtitle1" sx={{ mt: 3, fontWeight: 600 }}>
        For the message back to the GP and referrer
      </Typography>
      <FormTextField control={control} name="whatMattered" label="What mattered to them" multiline minRows={2} fullWidth margin="normal" />
      <FormTextField control={control} name="whatWasOffered" label="What they were offered" multiline minRows={2} fullWidth margin="normal" />
      <FormTextField control={control} name="whatHappened" label="What the result was" multiline minRows={2} fullWidth margin="normal" hint="What changed for them. Suggested from the plan and connections: check and edit." />
      {!declined && draft?.endOns4 === 'none' && (
        <>
          <FormRadioGroup control={control} name="finalOns4" legend="Final ONS4 wellbeing" options={FINAL_ONS4_CHOICES} row hint="Ask the four questions again now, if they are willing." />
          {finalOns4 === 'answered' && <Ons4Fields control={control} names={['finalOns4Answers.0', 'finalOns4Answers.1', 'finalOns4Answers.2', 'finalOns4Answers.3']} />}
        </>
      )}
      {draft && draft.endOns4 !== 'none' && (
        <Typography sx={{ mt: 2 }}>The end-of-episode ONS4 is already recorded{draft.endOns4 === 'declined' ? ' (they declined to answer)' : ''}.</Typography>
      )}
    </>
  );
}
