import Typography from '@mui/material/Typography';
import type { Control } from 'react-hook-form';
import type { Instrument } from '../../../../shared/domain/outcomes/instruments';
import { SWEMWBS_ATTRIBUTION, SWEMWBS_INTRODUCTION, SWEMWBS_RESPONSES, SWEMWBS_STATEMENTS } from '../../../../shared/domain/outcomes/swemwbs';
import { UCLA3_QUESTIONS, UCLA3_RESPONSES } from '../../../../shared/domain/outcomes/ucla3';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import type { MeasureFormInput } from './measure-form';
import { Ons4Fields } from './Ons4Fields';

/** Response labels keyed by the score each gives: { '1': 'None of the time', … }. */
function scored(labels: readonly string[]): Record<string, string> {
  return Object.fromEntries(labels.map((label, index) => [String(index + 1), `${label} (${index + 1})`]));
}

interface Props {
  instrument: Instrument;
  control: Control<MeasureFormInput, unknown, unknown>;
}

/** The questions of one measure, worded as published, each answered on its own scale. */
export function MeasureQuestions({ instrument, control }: Props) {
  if (instrument === 'ons4') return <Ons4Fields control={control} names={['answers.0', 'answers.1', 'answers.2', 'answers.3']} />;
  if (instrument === 'swemwbs') {
    return (
      <>
        <Typography sx={{ mt: 2 }}>{SWEMWBS_INTRODUCTION}</Typography>
        {SWEMWBS_STATEMENTS.map((statement, index) => (
          <FormRadioGroup key={statement} control={control} name={`answers.${index}`} legend={`${index + 1}. ${statement}`} options={scored(SWEMWBS_RESPONSES)} row />
        ))}
        <Typography variant="body2" sx={{ mt: 2, color: 'text.secondary' }}>
          {SWEMWBS_ATTRIBUTION}
        </Typography>
      </>
    );
  }
  return (
    <>
      {UCLA3_QUESTIONS.map((question, index) => (
        <FormRadioGroup key={question} control={control} name={`answers.${index}`} legend={`${index + 1}. ${question}`} options={scored(UCLA3_RESPONSES)} row />
      ))}
    </>
  );
}
