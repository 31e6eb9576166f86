import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useId } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

interface Props<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  label: string;
  /** Shown under the box until there is an error to show instead. */
  hint?: string;
  disabled?: boolean;
}

/** One labelled checkbox bound to a boolean field, with its hint or error linked by aria-describedby. */
export function FormCheckbox<T extends FieldValues, TOut = T>({ control, name, label, hint, disabled }: Props<T, TOut>) {
  const { field, fieldState } = useController({ control, name });
  const helperId = useId();
  const helper = fieldState.error?.message ?? hint;
  return (
    <FormControl error={Boolean(fieldState.error)} sx={{ display: 'flex', mt: 1 }}>
      <FormControlLabel
        label={label}
        disabled={disabled}
        control={
          <Checkbox
            name={field.name}
            checked={Boolean(field.value)}
            onChange={(_event, checked) => field.onChange(checked)}
            onBlur={field.onBlur}
            slotProps={{ input: { ref: field.ref, 'aria-describedby': helper ? helperId : undefined, 'aria-invalid': Boolean(fieldState.error) } }}
          />
        }
      />
      {helper && (
        <FormHelperText id={helperId} sx={{ mt: 0, ml: 5.5 }}>
          {helper}
        </FormHelperText>
      )}
    </FormControl>
  );
}
