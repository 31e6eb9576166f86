import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isoDateSchema, type CodingItem } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
import { todayIsoDate } from '../../dates';
import { formatDate } from '../../format';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({
  recordedOn: z
    .string()
    .min(1, 'Enter the date it was recorded')
    .pipe(isoDateSchema)
    .refine((date) => date <= todayIsoDate(), 'The date cannot be in the future'),
});
type Values = z.infer<typeof schema>;

interface Props {
  item: CodingItem;
  onClose: () => void;
  onRecorded: (item: CodingItem) => void;
}

/** Someone with access to the GP system says the code is now in the GP record. */
export function MarkRecordedDialog({ item, onClose, onRecorded }: Props) {
  const titleId = useId();
  const descriptionId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const [today] = useState(todayIsoDate);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { recordedOn: today } });

  const submit = form.handleSubmit(async ({ recordedOn }) => {
    setFailure(null);
    try {
      onRecorded(await api.coding.markRecorded({ itemId: item.id, recordedOn }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { recordedOn: 'recordedOn' })) setFailure(errorMessage(error));
    }
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={descriptionId} fullWidth maxWidth="sm">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>Mark as recorded</DialogTitle>
        <DialogContent>
          <DialogContentText id={descriptionId}>
            {item.code} {item.term}, for {item.personName} (contact on {formatDate(item.contactOn)}). Only mark it once it is in
            the GP record.
          </DialogContentText>
          {failure && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          )}
          <FormTextField
            control={form.control}
            name="recordedOn"
            label="Date recorded in the GP system"
            type="date"
            autoFocus
            slotProps={{ htmlInput: { min: item.contactOn, max: today } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 3 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            Mark as recorded
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
