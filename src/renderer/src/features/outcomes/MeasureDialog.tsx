import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { INSTRUMENTS, TIMEPOINTS, type Instrument, type Timepoint } from '../../../../shared/domain/outcomes/instruments';
import type { Measure } from '../../../../shared/ipc/outcomes-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { todayIsoDate } from '../../dates';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';
import { emptyAnswers, measureFieldMap, measureFormSchema, sixWeeksFromToday, type MeasureFormInput } from './measure-form';
import { MeasureQuestions } from './MeasureQuestions';

interface Props {
  episodeId: string;
  instrument: Instrument;
  /** Timepoints this episode already has for the measure (a second baseline or end is refused). */
  taken: readonly Timepoint[];
  onClose: () => void;
  onRecorded: (measure: Measure) => void;
}

/** Records one measure at baseline, a follow-up or the end, or that the person declined to answer it. */
export function MeasureDialog({ episodeId, instrument, taken, onClose, onRecorded }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const [schema] = useState(() => measureFormSchema(instrument));
  const timepoints = Object.fromEntries(Object.entries(TIMEPOINTS).filter(([code]) => code === 'review' || !taken.includes(code as Timepoint)));
  const form = useForm<MeasureFormInput, unknown, Omit<Parameters<typeof api.outcomes.record>[0], 'episodeId'>>({
    resolver: zodResolver(schema),
    defaultValues: {
      timepoint: taken.includes('baseline') ? 'review' : 'baseline',
      recordedOn: today,
      declined: false,
      answers: emptyAnswers(instrument),
      nextFollowUpOn: sixWeeksFromToday(),
    },
  });
  const declined = useWatch({ control: form.control, name: 'declined' });
  const timepoint = useWatch({ control: form.control, name: 'timepoint' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onRecorded(await api.outcomes.record({ episodeId, ...values }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, measureFieldMap(instrument))) setFailure(errorMessage(error));
    }
  });

  return (
    <FormDialog
      title={`Record ${INSTRUMENTS[instrument].shortLabel}`}
      description={`${INSTRUMENTS[instrument].label}. Record every answer, or that they declined to answer: a partly answered measure cannot be saved.`}
      failure={failure}
      submitLabel="Save measure"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
      dividers
    >
      <FormRadioGroup control={form.control} name="timepoint" legend="When is this measure from?" options={timepoints} row />
      <FormTextField
        control={form.control}
        name="recordedOn"
        label="Date they answered"
        type="date"
        margin="normal"
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
      />
      <FormCheckbox control={form.control} name="declined" label="They declined to answer" hint="Recorded as declined, never as a score of zero." />
      {!declined && <MeasureQuestions instrument={instrument} control={form.control} />}
      {timepoint !== 'end' && (
        <FormTextField
          control={form.control}
          name="nextFollowUpOn"
          label="Next follow-up due"
          type="date"
          margin="normal"
          hint="Six weeks on is usual. Leave empty if no follow-up is needed."
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
        />
      )}
    </FormDialog>
  );
}
