import type { Control, FieldValues, Path } from 'react-hook-form';
import { FormTextField } from '../../forms/FormTextField';

interface Props<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  hint: string;
}

/** The warm-handover note: what the group needs to know to welcome the person, kept as written. */
export function HandoverNoteField<T extends FieldValues, TOut = T>({ control, name, hint }: Props<T, TOut>) {
  return <FormTextField control={control} name={name} label="Warm-handover note" multiline minRows={3} hint={hint} />;
}
