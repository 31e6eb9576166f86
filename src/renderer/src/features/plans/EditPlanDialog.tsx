import { zodResolver } from '@hookform/resolvers/zod';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { PLAN_LIMITS, STEP_OWNERS } from '../../../../shared/domain/plans';
import { saveDraftSchema, type PlanVersion } from '../../../../shared/ipc/plans-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormTextField } from '../../forms/FormTextField';
import { sameNameFieldMap } from './plan-fields';

type Input = z.input<typeof saveDraftSchema>;
type Values = z.output<typeof saveDraftSchema>;
const FIELDS = ['goals', 'steps', 'supportOffered', 'reviewOn', 'staffNotes', 'present'] as const;

interface Props {
  episodeId: string;
  /** The draft being edited, or null to start the plan. */
  draft: PlanVersion | null;
  onClose: () => void;
  onSaved: (version: PlanVersion) => void;
}

function startingValues(episodeId: string, draft: PlanVersion | null): Input {
  if (!draft) {
    return { episodeId, planVersionId: null, goals: [{ text: '' }], steps: [], supportOffered: '', reviewOn: '', staffNotes: '', present: [] };
  }
  return {
    episodeId,
    planVersionId: draft.id,
    goals: draft.goals.map((goal) => ({ id: goal.id, text: goal.text })),
    steps: draft.steps.map((step) => ({ ...step })),
    supportOffered: draft.supportOffered,
    reviewOn: draft.reviewOn ?? '',
    staffNotes: draft.staffNotes,
    present: [...draft.present],
  };
}

/** Goals, steps, support, review date and staff notes of the draft plan. */
export function EditPlanDialog({ episodeId, draft, onClose, onSaved }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(saveDraftSchema), defaultValues: startingValues(episodeId, draft) });
  // keyName keeps the goal's and step's own `id` in the values.
  const goals = useFieldArray({ control: form.control, name: 'goals', keyName: 'key' });
  const steps = useFieldArray({ control: form.control, name: 'steps', keyName: 'key' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await api.plans.saveDraft(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, sameNameFieldMap<Input>(error, FIELDS))) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={draft ? `Edit draft plan (version ${draft.version})` : 'Start the plan'}
      description="Write the goals in the person’s own words. Everything except the staff-only notes goes on their copy."
      failure={failure}
      submitLabel="Save draft"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
      dividers
    >
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.25rem', mt: 3 }}>
        Goals
      </Typography>
      {goals.fields.length === 0 && <Typography sx={{ color: 'text.secondary', mt: 1 }}>No goals yet.</Typography>}
      {goals.fields.map((goal, index) => (
        <Box key={goal.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <FormTextField control={form.control} name={`goals.${index}.text`} label={`Goal ${index + 1}`} multiline autoFocus={index === 0} />
          <Button onClick={() => goals.remove(index)} startIcon={<DeleteOutlined />} sx={{ mt: 3, flexShrink: 0 }} aria-label={`Remove goal ${index + 1}`}>
            Remove
          </Button>
        </Box>
      ))}
      <Button startIcon={<AddOutlined />} onClick={() => goals.append({ text: '' })} disabled={goals.fields.length >= PLAN_LIMITS.goals} sx={{ mt: 1 }}>
        Add a goal
      </Button>

      <Typography variant="h3" component="h3" sx={{ fontSize: '1.25rem', mt: 3 }}>
        Who will do what, and by when
      </Typography>
      {steps.fields.length === 0 && <Typography sx={{ color: 'text.secondary', mt: 1 }}>No steps yet.</Typography>}
      {steps.fields.map((step, index) => (
        <Paper key={step.key} variant="outlined" component="fieldset" sx={{ p: 2, mt: 2, border: 1, borderColor: 'divider' }}>
          <Typography component="legend" sx={{ fontWeight: 600, px: 0.5 }}>
            Step {index + 1}
          </Typography>
          <FormTextField control={form.control} name={`steps.${index}.action`} label="What will be done" multiline sx={{ mt: 0 }} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' }, columnGap: 2 }}>
            <FormTextField control={form.control} name={`steps.${index}.owner`} label="Who will do it" select>
              {Object.entries(STEP_OWNERS).map(([code, label]) => (
                <MenuItem key={code} value={code}>
                  {label}
                </MenuItem>
              ))}
            </FormTextField>
            <FormTextField control={form.control} name={`steps.${index}.ownerName`} label="Name (group, service or person)" hint="Needed for “Someone else”" />
            <FormTextField control={form.control} name={`steps.${index}.dueOn`} label="By when" type="date" slotProps={{ inputLabel: { shrink: true } }} />
          </Box>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center' }}>
            <FormCheckbox control={form.control} name={`steps.${index}.done`} label="Done" />
            <Button onClick={() => steps.remove(index)} startIcon={<DeleteOutlined />} aria-label={`Remove step ${index + 1}`}>
              Remove
            </Button>
          </Box>
        </Paper>
      ))}
      <Button
        startIcon={<AddOutlined />}
        onClick={() => steps.append({ action: '', owner: 'person', ownerName: '', dueOn: today, done: false })}
        disabled={steps.fields.length >= PLAN_LIMITS.steps}
        sx={{ mt: 1 }}
      >
        Add a step
      </Button>

      <Typography variant="h3" component="h3" sx={{ fontSize: '1.25rem', mt: 3 }}>
        Support and review
      </Typography>
      <FormTextField control={form.control} name="supportOffered" label="Support offered" multiline minRows={2} />
      <FormTextField control={form.control} name="reviewOn" label="Review date" type="date" slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }} />
      <FormTextField
        control={form.control}
        name="staffNotes"
        label="Staff-only notes"
        multiline
        minRows={2}
        hint="Staff only — never on the person’s copy"
      />
    </FormDialog>
  );
}
