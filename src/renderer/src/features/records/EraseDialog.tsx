import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ERASURE_REASONS } from '../../../../shared/domain/records';
import { eraseInputSchema, type ErasureResult, type RetentionReviewRow } from '../../../../shared/ipc/records-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';

const schema = z.object({ reason: eraseInputSchema.shape.reason, confirmName: eraseInputSchema.shape.confirmName });
type Values = z.infer<typeof schema>;
const FIELD_MAP = { reason: 'reason', confirmName: 'confirmName' } as const;

interface Props {
  person: RetentionReviewRow;
  onClose: () => void;
  onErased: (result: ErasureResult) => void;
}

/** Erasure cannot be undone, so the admin types the person's name and gives a reason first. */
export function EraseDialog({ person, onClose, onErased }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const name = `${person.givenName} ${person.familyName}`;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: 'retention_period_ended', confirmName: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onErased(await api.retention.erase({ personId: person.personId, ...values }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title={`Erase ${name}’s record`}
      description={`This removes everything Linkdesk holds about ${name}: details, referrals, contacts, notes, plans, connections and search entries. It cannot be undone. The audit log keeps one entry saying a record was erased, without the name. Backups made before today still hold the record until they are replaced; if one is restored, Linkdesk erases the record again.`}
      failure={failure}
      submitLabel="Erase for good"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="reason" label="Reason" select fullWidth>
        {Object.entries(ERASURE_REASONS).map(([code, label]) => (
          <MenuItem key={code} value={code}>
            {label}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField control={form.control} name="confirmName" label={`Type the person’s name, ${name}, to confirm`} autoComplete="off" fullWidth />
    </FormDialog>
  );
}
