import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useId } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { FormFieldset } from './FormFieldset';

interface Props<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  legend: string;
  options: Readonly<Record<string, string>>;
  hint?: string;
  disabled?: boolean;
  /** Lay the choices out side by side (they wrap when the space runs out). */
  row?: boolean;
}

/** One choice from a few, as radio buttons in a fieldset whose legend asks the question. */
export function FormRadioGroup<T extends FieldValues, TOut = T>({ control, name, legend, options, hint, disabled, row }: Props<T, TOut>) {
  const { field, fieldState } = useController({ control, name });
  const legendId = useId();
  const helperId = useId();
  const helper = fieldState.error?.message ?? hint;
  return (
    <FormFieldset legend={legend} legendId={legendId} helper={helper} helperId={helperId} error={Boolean(fieldState.error)} disabled={disabled}>
      <RadioGroup
        row={row}
        name={field.name}
        value={field.value ?? ''}
        onChange={(_event, value) => field.onChange(value)}
        onBlur={field.onBlur}
        aria-labelledby={legendId}
        aria-describedby={helper ? helperId : undefined}
      >
        {Object.entries(options).map(([value, label]) => (
          <FormControlLabel key={value} value={value} label={label} control={<Radio />} />
        ))}
      </RadioGroup>
    </FormFieldset>
  );
}
