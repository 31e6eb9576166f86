import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import type { ReactNode } from 'react';

interface Props {
  legend: string;
  legendId?: string;
  /** The hint, or the error message when there is one. */
  helper: string | undefined;
  helperId: string;
  error: boolean;
  disabled?: boolean;
  'aria-describedby'?: string;
  /** The choices. */
  children: ReactNode;
}

/** A fieldset whose legend asks the question, with the hint or error under it and the choices below. */
export function FormFieldset({ legend, legendId, helper, helperId, error, disabled, 'aria-describedby': describedBy, children }: Props) {
  return (
    <FormControl component="fieldset" error={error} disabled={disabled} aria-describedby={describedBy} sx={{ display: 'flex', mt: 2 }}>
      <FormLabel id={legendId} component="legend" sx={{ fontWeight: 600, color: 'text.primary', '&.Mui-focused': { color: 'text.primary' } }}>
        {legend}
      </FormLabel>
      {helper && (
        <FormHelperText id={helperId} sx={{ mx: 0 }}>
          {helper}
        </FormHelperText>
      )}
      {children}
    </FormControl>
  );
}
