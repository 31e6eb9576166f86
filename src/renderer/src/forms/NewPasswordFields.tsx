import type { Control, FieldValues, Path } from 'react-hook-form';
import { FormTextField } from './FormTextField';

interface Props<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  /** The "type it again" field; its label is "Confirm" and this field's label. */
  confirmName: Path<T>;
  label: string;
  hint: string;
  autoFocus?: boolean;
}

/** A new password typed twice, so a slip of the finger does not lock someone out. */
export function NewPasswordFields<T extends FieldValues, TOut = T>({ control, name, confirmName, label, hint, autoFocus }: Props<T, TOut>) {
  return (
    <>
      <FormTextField control={control} name={name} label={label} type="password" hint={hint} autoComplete="new-password" autoFocus={autoFocus} />
      <FormTextField
        control={control}
        name={confirmName}
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
