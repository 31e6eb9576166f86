import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useId } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { FormFieldset } from './FormFieldset';

interface Props<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  /** A field holding an array of the chosen codes. */
  name: Path<T>;
  legend: string;
  options: Readonly<Record<string, string>>;
  hint?: string;
}

/** Several choices as checkboxes in a fieldset, the legend naming the question. */
export function FormCheckboxGroup<T extends FieldValues, TOut = T>({ control, name, legend, options, hint }: Props<T, TOut>) {
  const { field, fieldState } = useController({ control, name });
  const helperId = useId();
  const chosen: readonly string[] = Array.isArray(field.value) ? (field.value as string[]) : [];
  const helper = fieldState.error?.message ?? hint;
  const codes = Object.keys(options);

  const toggle = (code: string, checked: boolean) => {
    const next = checked ? [...chosen, code] : chosen.filter((value) => value !== code);
    // Keep the options' order, so what is saved reads the way the list does.
    field.onChange(codes.filter((candidate) => next.includes(candidate)));
  };

  return (
    <FormFieldset legend={legend} helper={helper} helperId={helperId} error={Boolean(fieldState.error)} aria-describedby={helper ? helperId : undefined}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' }, columnGap: 2 }}>
        {codes.map((code, index) => (
          <FormControlLabel
            key={code}
            label={options[code]}
            control={
              <Checkbox
                name={`${field.name}.${code}`}
                checked={chosen.includes(code)}
                onChange={(_event, checked) => toggle(code, checked)}
                onBlur={field.onBlur}
                // The first box takes focus when the group has an error to fix.
                slotProps={{ input: { ref: index === 0 ? field.ref : undefined } }}
              />
            }
          />
        ))}
      </Box>
    </FormFieldset>
  );
}
