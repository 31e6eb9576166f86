import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

type Props<T extends FieldValues, TOut> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'inputRef'> & {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  /** Shown under the field until there is an error to show instead. */
  hint?: string;
};

/**
 * A labelled MUI text field bound to react-hook-form. Errors appear as helper text, which MUI
 * links to the input with aria-describedby, and the field is marked aria-invalid.
 */
export function FormTextField<T extends FieldValues, TOut = T>({ control, name, hint, ...rest }: Props<T, TOut>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...rest}
      name={field.name}
      value={field.value ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      disabled={rest.disabled ?? field.disabled}
      error={Boolean(fieldState.error)}
      helperText={fieldState.error?.message ?? hint}
    />
  );
}
