import { zodResolver } from '@hookform/resolvers/zod';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { useFieldArray, useForm, type Control, type Path } from 'react-hook-form';
import { ACCESSIBILITY_FEATURES, DIRECTORY_CATEGORIES, DIRECTORY_COSTS, DIRECTORY_STATUSES, WEEKDAYS } from '../../../../shared/domain/directory';
import type { DirectoryEntry } from '../../../../shared/ipc/directory-contract';
import { ApiError, api, errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { DialogForm } from '../../components/DialogForm';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormCheckboxGroup } from '../../forms/FormCheckboxGroup';
import { FormTextField } from '../../forms/FormTextField';
import { emptyEntryForm, emptySession, entryFieldFor, entryFormFromEntry, entryFormSchema, type EntryFormInput, type EntryFormValues } from './entry-form';

type FormControl = Control<EntryFormInput, unknown, EntryFormValues>;

interface Props {
  /** The entry to edit; absent to add a new one. */
  entry?: DirectoryEntry;
  onClose: () => void;
  onSaved: (entry: DirectoryEntry) => void;
  /** Someone else changed the entry meanwhile: close and load it again. */
  onReload?: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 3, '&:first-of-type': { mt: 1 } }}>
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 700 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

const pair = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 } as const;

/** Adds an entry, or edits every field of one. Main checks the row version, so two people cannot overwrite each other. */
export function EntryFormDialog({ entry, onClose, onSaved, onReload }: Props) {
  const titleId = useId();
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const form = useForm<EntryFormInput, unknown, EntryFormValues>({
    resolver: zodResolver(entryFormSchema),
    defaultValues: entry ? entryFormFromEntry(entry) : emptyEntryForm,
  });
  const control = form.control;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = entry ? await api.directory.update({ ...values, id: entry.id, rowVersion: entry.rowVersion }) : await api.directory.create(values);
      onSaved(saved);
    } catch (error) {
      const fieldMap = error instanceof ApiError && error.fields ? Object.fromEntries(Object.keys(error.fields).map((name) => [name, entryFieldFor(name) as Path<EntryFormInput> | undefined])) : {};
      if (!applyFieldErrors(error, form.setError, fieldMap)) setFailure({ message: errorMessage(error), conflict: error instanceof ApiError && error.code === 'conflict' });
    }
  });

  const title = entry ? `Edit ${entry.name}` : 'Add a service';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogForm onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent dividers>
          {failure && (
            <Alert
              severity="error"
              role="alert"
              action={
                failure.conflict && onReload ? (
                  <Button color="inherit" onClick={onReload}>
                    Reload the entry
                  </Button>
                ) : undefined
              }
            >
              {failure.message}
            </Alert>
          )}
          <Section title="The group or service">
            <FormTextField control={control} name="name" label="Name of the group or service" required />
            <FormTextField control={control} name="description" label="Description" multiline minRows={3} />
            <Box sx={pair}>
              <FormTextField control={control} name="category" label="Category" select required>
                {Object.entries(DIRECTORY_CATEGORIES).map(([code, label]) => (
                  <MenuItem key={code} value={code}>
                    {label}
                  </MenuItem>
                ))}
              </FormTextField>
              <FormTextField control={control} name="status" label="Status" select>
                {Object.entries(DIRECTORY_STATUSES).map(([code, label]) => (
                  <MenuItem key={code} value={code}>
                    {label}
                  </MenuItem>
                ))}
              </FormTextField>
            </Box>
          </Section>
          <Section title="Organisation">
            {entry && <Typography sx={{ mt: 1, color: 'text.secondary' }}>Changes here apply to every entry from this organisation.</Typography>}
            <FormTextField control={control} name="organisation.name" label="Organisation name" required />
            <FormTextField control={control} name="organisation.description" label="About the organisation" multiline minRows={2} />
            <Box sx={pair}>
              <FormTextField control={control} name="organisation.website" label="Organisation website" hint="Starting https://" />
              <FormTextField control={control} name="organisation.email" label="Organisation email" type="email" />
            </Box>
          </Section>
          <Section title="Who it is for">
            <Box sx={pair}>
              <FormTextField control={control} name="minAge" label="Minimum age" type="number" slotProps={{ htmlInput: { min: 0, max: 150, inputMode: 'numeric' } }} />
              <FormTextField control={control} name="maxAge" label="Maximum age" type="number" slotProps={{ htmlInput: { min: 0, max: 150, inputMode: 'numeric' } }} />
            </Box>
            <FormTextField control={control} name="eligibility" label="Who can go (eligibility)" multiline minRows={2} />
          </Section>
          <Section title="Cost">
            <Box sx={pair}>
              <FormTextField control={control} name="cost" label="Cost" select>
                <MenuItem value="">Not known</MenuItem>
                {Object.entries(DIRECTORY_COSTS).map(([code, label]) => (
                  <MenuItem key={code} value={code}>
                    {label}
                  </MenuItem>
                ))}
              </FormTextField>
              <FormTextField control={control} name="costDescription" label="Cost in words" hint="For example, £2 a session" />
            </Box>
          </Section>
          <SessionsFields control={control} />
          <Section title="Where">
            <FormTextField control={control} name="venueName" label="Venue" />
            <FormTextField control={control} name="address" label="Address" />
            <Box sx={pair}>
              <FormTextField control={control} name="town" label="Town" />
              <FormTextField control={control} name="postcode" label="Postcode" slotProps={{ htmlInput: { autoCapitalize: 'characters' } }} />
            </Box>
            <FormTextField control={control} name="area" label="Area or neighbourhood" />
          </Section>
          <Section title="Access">
            <FormCheckboxGroup control={control} name="accessibilityFeatures" legend="Access features" options={ACCESSIBILITY_FEATURES} />
            <FormTextField control={control} name="accessibility" label="Access in words" multiline minRows={2} />
          </Section>
          <Section title="Contact">
            <FormTextField control={control} name="contactName" label="Contact name" />
            <Box sx={pair}>
              <FormTextField control={control} name="phone" label="Phone" type="tel" />
              <FormTextField control={control} name="email" label="Email" type="email" />
            </Box>
            <FormTextField control={control} name="website" label="Website" hint="Starting https://" />
          </Section>
          <Section title="Places">
            <Box sx={pair}>
              <FormTextField control={control} name="capacity" label="Number of places" type="number" slotProps={{ htmlInput: { min: 0, inputMode: 'numeric' } }} />
              <FormTextField control={control} name="placesUsed" label="Places used" type="number" slotProps={{ htmlInput: { min: 0, inputMode: 'numeric' } }} />
            </Box>
            <FormCheckbox control={control} name="waitingList" label="There is a waiting list" />
          </Section>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            {entry ? 'Save changes' : 'Add service'}
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}

function SessionsFields({ control }: { control: FormControl }) {
  const sessions = useFieldArray({ control, name: 'schedules' });
  return (
    <Section title="When">
      {sessions.fields.length === 0 && <Typography sx={{ mt: 1 }}>No sessions yet.</Typography>}
      {sessions.fields.map((session, index) => (
        <Box
          key={session.id}
          role="group"
          aria-label={`Session ${index + 1}`}
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.2fr 1fr 1fr 1.6fr auto' }, columnGap: 2, alignItems: 'center' }}
        >
          <FormTextField control={control} name={`schedules.${index}.weekday`} label={`Session ${index + 1} day`} select>
            <MenuItem value="">Day varies</MenuItem>
            {Object.entries(WEEKDAYS).map(([code, day]) => (
              <MenuItem key={code} value={code}>
                {day.label}
              </MenuItem>
            ))}
          </FormTextField>
          <FormTextField control={control} name={`schedules.${index}.startTime`} label="Starts" type="time" slotProps={{ inputLabel: { shrink: true } }} />
          <FormTextField control={control} name={`schedules.${index}.endTime`} label="Ends" type="time" slotProps={{ inputLabel: { shrink: true } }} />
          <FormTextField control={control} name={`schedules.${index}.frequency`} label="How often" />
          <Button startIcon={<DeleteOutlined />} onClick={() => sessions.remove(index)} aria-label={`Remove session ${index + 1}`}>
            Remove
          </Button>
        </Box>
      ))}
      <Button startIcon={<AddOutlined />} onClick={() => sessions.append(emptySession)} sx={{ mt: 1 }} disabled={sessions.fields.length >= 21}>
        Add a session
      </Button>
    </Section>
  );
}
