import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, BACKUP_SCHEDULE_KINDS, WEEKDAYS, type BackupSchedule } from '../../../../shared/domain/records';
import { backupKeepSchema, backupScheduleSchema, folderPathSchema, type BackupSettings } from '../../../../shared/ipc/records-schemas';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { FormRadioGroup } from '../../forms/FormRadioGroup';
import { FormTextField } from '../../forms/FormTextField';

/** The form holds every schedule field as text; on submit only the chosen kind's fields are sent. */
const schema = z
  .object({
    folder: z.union([z.literal(''), folderPathSchema]),
    kind: z.enum(['off', 'daily', 'weekly', 'hourly']),
    at: z.string(),
    weekday: z.string(),
    everyHours: z.string(),
    keep: z.string().trim().transform(Number).pipe(backupKeepSchema),
  })
  .transform(({ folder, keep, ...when }, context) => {
    const candidate =
      when.kind === 'off'
        ? { kind: 'off' }
        : when.kind === 'hourly'
          ? { kind: 'hourly', everyHours: Number(when.everyHours) }
          : when.kind === 'daily'
            ? { kind: 'daily', at: when.at }
            : { kind: 'weekly', at: when.at, weekday: Number(when.weekday) };
    const schedule = backupScheduleSchema.safeParse(candidate);
    if (!schedule.success) {
      for (const issue of schedule.error.issues) context.addIssue({ code: 'custom', path: [String(issue.path[0] ?? 'kind')], message: issue.message });
      return z.NEVER;
    }
    if (schedule.data.kind !== 'off' && folder === '') {
      context.addIssue({ code: 'custom', path: ['folder'], message: 'Choose a folder before turning on scheduled backups' });
      return z.NEVER;
    }
    return { folder, keep, schedule: schedule.data };
  });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

const FIELD_MAP = { folder: 'folder', keep: 'keep', 'schedule.at': 'at', 'schedule.weekday': 'weekday', 'schedule.everyHours': 'everyHours' } as const;

function initialValues(settings: BackupSettings): Input {
  const schedule: BackupSchedule = settings.schedule;
  return {
    folder: settings.folder ?? '',
    kind: schedule.kind,
    at: 'at' in schedule ? schedule.at : '18:00',
    weekday: schedule.kind === 'weekly' ? String(schedule.weekday) : '5',
    everyHours: schedule.kind === 'hourly' ? String(schedule.everyHours) : '4',
    keep: String(settings.keep),
  };
}

/** Where backups go, when they run and how many are kept. The folder is checked in main. */
export function BackupSettingsForm({ settings, onSaved }: { settings: BackupSettings; onSaved: (saved: BackupSettings) => void }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(schema), defaultValues: initialValues(settings) });
  const kind = useWatch({ control: form.control, name: 'kind' });

  const submit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const saved = await api.backup.updateSettings(values);
      form.reset(initialValues(saved));
      setOutcome({ ok: true, message: 'Backup settings saved.' });
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, FIELD_MAP)) setOutcome({ ok: false, message: errorMessage(error) });
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label="Backup settings">
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'} sx={{ mt: 1 }}>
          {outcome.message}
        </Alert>
      )}
      <FormTextField
        control={form.control}
        name="folder"
        label="Backup folder"
        fullWidth
        hint="The full path of a folder, ideally on another drive or a network share, e.g. E:\Linkdesk backups. Linkdesk checks it can write there."
      />
      <FormRadioGroup control={form.control} name="kind" legend="When to back up" options={BACKUP_SCHEDULE_KINDS} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {kind === 'weekly' && (
          <FormTextField control={form.control} name="weekday" label="Day" select sx={{ minWidth: 180 }}>
            {WEEKDAYS.map((day, index) => (
              <MenuItem key={day} value={String(index)}>
                {day}
              </MenuItem>
            ))}
          </FormTextField>
        )}
        {(kind === 'daily' || kind === 'weekly') && (
          <FormTextField control={form.control} name="at" label="Time of day" type="time" hint="Linkdesk must be open and unlocked then; a missed time is caught up at the next sign-in." />
        )}
        {kind === 'hourly' && (
          <FormTextField control={form.control} name="everyHours" label="Every this many hours" type="number" slotProps={{ htmlInput: { min: 1, max: 24, step: 1, inputMode: 'numeric' } }} />
        )}
      </Box>
      <FormTextField
        control={form.control}
        name="keep"
        label="Keep this many backups"
        type="number"
        hint={`Between ${BACKUP_KEEP_MIN} and ${BACKUP_KEEP_MAX}. After each backup the oldest beyond this number are deleted.`}
        slotProps={{ htmlInput: { min: BACKUP_KEEP_MIN, max: BACKUP_KEEP_MAX, step: 1, inputMode: 'numeric' } }}
      />
      <Button type="submit" variant="contained" loading={form.formState.isSubmitting} sx={{ mt: 2, display: 'flex' }}>
        Save backup settings
      </Button>
    </form>
  );
}
