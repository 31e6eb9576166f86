import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { ONS4_ITEMS, ons4BandRanges } from '../../../../shared/domain/outcomes/ons4';
import { FormTextField } from '../../forms/FormTextField';

interface Props<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  /** The form field of each item's answer, in ONS order. */
  names: readonly Path<T>[];
}

/** The four ONS4 questions, word for word, each answered 0 to 10 with its ONS bands shown. */
export function Ons4Fields<T extends FieldValues, TOut = T>({ control, names }: Props<T, TOut>) {
  return (
    <>
      {ONS4_ITEMS.map((item, index) => (
        <Box key={item.code} sx={{ mt: 2 }}>
          <Typography sx={{ fontWeight: 600 }}>{item.question}</Typography>
          <FormTextField
            control={control}
            name={names[index]!}
            label={`${item.label} (0 to 10)`}
            type="number"
            margin="dense"
            hint={`ONS bands: ${ons4BandRanges(item.code).join(', ')}`}
            slotProps={{ htmlInput: { min: 0, max: 10, step: 1, inputMode: 'numeric' } }}
            sx={{ width: 340, maxWidth: '100%' }}
          />
        </Box>
      ))}
    </>
  );
}
