import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AGREEMENT_METHOD_CODES, PLAN_LIMITS } from '../../../../shared/domain/plans';
import { agreePlanSchema, type PlanVersion } from '../../../../shared/ipc/plans-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

/** How the agreement is asked about here; the codes are the contract's. */
const METHODS: Record<(typeof AGREEMENT_METHOD_CODES)[number], string> = {
  verbal: 'They agreed verbally',
  signed: 'They signed it',
  online: 'They agreed online',
};

const schema = z.object({
  present: z
    .string()
    .transform((text) => text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0))
    .pipe(z.array(z.string().max(120, 'Keep each name to 120 characters')).max(PLAN_LIMITS.present, `Name at most ${PLAN_LIMITS.present} people`)),
  method: z.string().pipe(agreePlanSchema.shape.method),
  agreedOn: agreePlanSchema.shape.agreedOn,
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

interface Props {
  draft: PlanVersion;
  onClose: () => void;
  onAgreed: (version: PlanVersion) => void;
}

/** Who was there, and how and when the person agreed the draft. Saves who was present, then agrees. */
export function AgreePlanDialog({ draft, onClose, onAgreed }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { present: draft.present.join('\n'), method: '', agreedOn: today },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.plans.saveDraft({
        episodeId: draft.episodeId,
        planVersionId: draft.id,
        goals: draft.goals.map((goal) => ({ id: goal.id, text: goal.text })),
        steps: draft.steps.map((step) => ({ ...step })),
        supportOffered: draft.supportOffered,
        reviewOn: draft.reviewOn ?? '',
        staffNotes: draft.staffNotes,
        present: values.present,
      });
      onAgreed(await api.plans.agree({ planVersionId: draft.id, method: values.method, agreedOn: values.agreedOn }));
    } catch (error) {
      const placed = applyFieldErrors(error, form.setError, { method: 'method', agreedOn: 'agreedOn', present: 'present' });
      if (!placed) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={`Record agreement to version ${draft.version}`}
      description="Once agreed, this version cannot be changed. To change it later, start a new version."
      failure={failure}
      submitLabel="Record agreement"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField
        control={form.control}
        name="present"
        label="Who was present"
        multiline
        minRows={2}
        autoFocus
        hint="One on each line, for example the person, a carer or an interpreter"
      />
      <FormRadioGroup control={form.control} name="method" legend="How they agreed" options={METHODS} />
      <FormTextField control={form.control} name="agreedOn" label="Date agreed" type="date" slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }} />
    </FormDialog>
  );
}
