import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { GOAL_PROGRESS, GOAL_PROGRESS_CODES } from '../../../../shared/domain/plans';
import { reviewPlanSchema, type PlanVersion } from '../../../../shared/ipc/plans-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';
import { sameNameFieldMap, verbatimSx } from './plan-fields';

const review = reviewPlanSchema.shape;
const goalShape = review.goals.element.shape;

/** The contract's review, with the progress starting unchosen. */
const schema = z.object({
  planVersionId: review.planVersionId,
  reviewedOn: review.reviewedOn,
  goals: z.array(z.object({ goalId: goalShape.goalId, progress: z.string().pipe(z.enum(GOAL_PROGRESS_CODES, 'Choose the progress')), note: goalShape.note })),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  version: PlanVersion;
  onClose: () => void;
  onReviewed: (version: PlanVersion) => void;
}

/** Progress on every goal of the agreed plan, with a note for each. */
export function ReviewPlanDialog({ version, onClose, onReviewed }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { planVersionId: version.id, reviewedOn: today, goals: version.goals.map((goal) => ({ goalId: goal.id, progress: '', note: '' })) },
  });
  const goals = useFieldArray({ control: form.control, name: 'goals', keyName: 'key' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onReviewed(await api.plans.recordReview(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, sameNameFieldMap<Input>(error, ['reviewedOn', 'goals']))) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={`Record review of version ${version.version}`}
      failure={failure}
      submitLabel="Save review"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
      dividers
    >
      <FormTextField control={form.control} name="reviewedOn" label="Date of the review" type="date" autoFocus slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }} />
      {goals.fields.map((field, index) => {
        const goal = version.goals.find((candidate) => candidate.id === field.goalId);
        return (
          <Box key={field.key} sx={{ borderTop: 1, borderColor: 'divider', mt: 3, pt: 1 }}>
            <Typography variant="h3" component="h3" sx={{ fontSize: '1.125rem', mt: 1 }}>
              Goal {index + 1}
            </Typography>
            <Typography sx={verbatimSx}>{goal?.text}</Typography>
            <FormRadioGroup control={form.control} name={`goals.${index}.progress`} legend={`Progress on goal ${index + 1}`} options={GOAL_PROGRESS} />
            <FormTextField control={form.control} name={`goals.${index}.note`} label={`Note on goal ${index + 1}`} multiline minRows={2} />
          </Box>
        );
      })}
    </FormDialog>
  );
}
