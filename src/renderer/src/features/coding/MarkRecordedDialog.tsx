import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isoDateSchema, type CodingItem } from '../../../../shared/ipc/casework-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
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
    <FormDialog
      title="Mark as recorded"
      description={
        <>
          {item.code} {item.term}, for {item.personName} (contact on {formatDate(item.contactOn)}). Only mark it once it is in the GP
          record.
        </>
      }
      failure={failure}
      submitLabel="Mark as recorded"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField
        control={form.control}
        name="recordedOn"
        label="Date recorded in the GP system"
        type="date"
        autoFocus
        slotProps={{ htmlInput: { min: item.contactOn, max: today } }}
      />
    </FormDialog>
  );
}
