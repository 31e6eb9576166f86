import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { EPISODE_STATUSES } from '../../../../shared/domain/referral';
import type { CaseloadRow } from '../../../../shared/ipc/casework-schemas';
import { addCaseSchema, type AgendaItem, type SessionWorkspace } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { useLoad } from '../../api/useLoad';
import { FormDialog } from '../../components/FormDialog';
import { FormTextField } from '../../forms/FormTextField';

const schema = addCaseSchema.extend({ episodeId: z.string().min(1, 'Choose the case') });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

/** The link worker's open cases, by name (a caseload is a few hundred at most: a handful of pages). */
async function openCases(workerUserId: string): Promise<CaseloadRow[]> {
  const rows: CaseloadRow[] = [];
  for (let page = 0; page < 5; page += 1) {
    const result = await api.caseload.list({ page, pageSize: 100, workerUserId, sortBy: 'name', sortDirection: 'asc' });
    rows.push(...result.rows);
    if (rows.length >= result.total) break;
  }
  return rows;
}

interface Props {
  workspace: SessionWorkspace;
  onClose: () => void;
  onAdded: (item: AgendaItem) => void;
}

/** A case the link worker (or the supervisor) wants to talk about, with why. */
export function AddCaseDialog({ workspace, onClose, onAdded }: Props) {
  const { session, agenda } = workspace;
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => openCases(session.worker.id), [session.worker.id]);
  const cases = useLoad(load);
  const addedByHand = new Set(agenda.filter((item) => item.reasons.includes('added')).map((item) => item.episodeId));
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { sessionId: session.id, episodeId: '', note: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onAdded(await api.supervision.addCase(values));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, { episodeId: 'episodeId', note: 'note' })) setFailure(errorMessage(error));
    }
  });
  return (
    <FormDialog
      title="Add a case to the agenda"
      failure={failure ?? cases.error}
      submitLabel="Add to the agenda"
      submitting={form.formState.isSubmitting}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="episodeId" label="Case" select fullWidth margin="normal" autoFocus disabled={!cases.data} hint={cases.data ? undefined : 'Loading the caseload…'}>
        {(cases.data ?? [])
          .filter((row) => !addedByHand.has(row.episodeId))
          .map((row) => (
            <MenuItem key={row.episodeId} value={row.episodeId}>
              {row.name} ({EPISODE_STATUSES[row.status]})
            </MenuItem>
          ))}
      </FormTextField>
      <FormTextField control={form.control} name="note" label="Why you want to discuss it" multiline minRows={3} fullWidth margin="normal" />
    </FormDialog>
  );
}
