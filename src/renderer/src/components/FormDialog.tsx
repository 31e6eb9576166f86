import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type FormEvent, type ReactNode } from 'react';
import { DialogForm } from './DialogForm';

interface Props {
  title: ReactNode;
  /** Said under the title, and given to the dialog as its accessible description. */
  description?: ReactNode;
  /** A problem that is not about one field, shown as an alert above the fields. */
  failure: string | null;
  submitLabel: ReactNode;
  /** The words on the button that closes the dialog (or stops what it is doing). */
  cancelLabel?: ReactNode;
  submitting: boolean;
  onClose: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void> | void;
  /** The fields. */
  children: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  /** Rules above and below the fields, for a long form that scrolls. */
  dividers?: boolean;
}

/**
 * A dialog holding one form: title, optional description, an alert for a failed submit, the
 * fields, then Cancel and the submit button.
 */
export function FormDialog({
  title,
  description,
  failure,
  submitLabel,
  cancelLabel = 'Cancel',
  submitting,
  onClose,
  onSubmit,
  children,
  maxWidth = 'sm',
  dividers = false,
}: Props) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      fullWidth
      maxWidth={maxWidth}
    >
      <DialogForm onSubmit={(event) => void onSubmit(event)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent dividers={dividers}>
          {description && <DialogContentText id={descriptionId}>{description}</DialogContentText>}
          {failure && (
            <Alert severity="error" role="alert" sx={description ? { mt: 2 } : undefined}>
              {failure}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions sx={dividers ? { px: 3, py: 2 } : { px: 3, pb: 3 }}>
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button type="submit" variant="contained" loading={submitting}>
            {submitLabel}
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
