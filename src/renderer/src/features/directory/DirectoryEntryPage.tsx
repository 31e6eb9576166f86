import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { ACCESSIBILITY_FEATURES, DIRECTORY_CATEGORIES } from '../../../../shared/domain/directory';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { DirectoryEntry } from '../../../../shared/ipc/directory-contract';
import { api, errorMessage } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { formatDate, formatDateTime } from '../../format';
import { DetailList } from '../person/DetailList';
import { useAppNavigation } from '../shell/app-navigation';
import { canWriteDirectory, costLabel, describeSession, DirectoryStatusChip, StaleChip } from './directory-words';
import { EntryFormDialog } from './EntryFormDialog';
import { GroupSupportSection } from './GroupSupportSection';

const NONE = 'Not given';
const or = (text: string) => text || NONE;

function Card({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3, minWidth: 0 }}>
      <Typography id={headingId} variant="h2" component="h2" sx={{ fontSize: '1.35rem', mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function ages(entry: DirectoryEntry): string {
  if (entry.minAge !== null && entry.maxAge !== null) return `${entry.minAge} to ${entry.maxAge}`;
  if (entry.minAge !== null) return `${entry.minAge} and over`;
  if (entry.maxAge !== null) return `Up to ${entry.maxAge}`;
  return 'Any age';
}

function places(entry: DirectoryEntry): string {
  if (entry.capacity === null) return NONE;
  return entry.placesUsed === null ? `${entry.capacity} places` : `${entry.placesUsed} of ${entry.capacity} places used`;
}

/** One directory entry, every field readable; link workers and admins can edit it and mark it checked. */
export function DirectoryEntryPage({ entryId, user }: { entryId: string; user: SessionUser }) {
  const { openArea } = useAppNavigation();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState(false);
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const load = useCallback(() => api.directory.get({ id: entryId }), [entryId]);
  const loaded = useLoad(load, reloadKey);
  const settings = useLoad(api.directory.settings);
  const canWrite = canWriteDirectory(user.role);

  const back = (
    <Button startIcon={<ArrowBack />} onClick={() => openArea('directory')} sx={{ mb: 1, ml: -1 }}>
      Back to the directory
    </Button>
  );

  const entry = loaded.data;
  if (!entry) {
    return (
      <>
        {back}
        <PageHeading>{loaded.error ? 'This entry cannot be opened' : 'Opening the entry'}</PageHeading>
        {loaded.error ? <Alert severity="error">{loaded.error}</Alert> : <CircularProgress aria-label="Opening the entry" />}
      </>
    );
  }

  const markChecked = async () => {
    setOutcome(null);
    setChecking(true);
    try {
      await api.directory.markChecked({ id: entry.id });
      setOutcome({ ok: true, message: 'Marked as checked today.' });
      setReloadKey((key) => key + 1);
    } catch (error) {
      setOutcome({ ok: false, message: errorMessage(error) });
    } finally {
      setChecking(false);
    }
  };

  const lastChecked = entry.lastCheckedOn
    ? `${formatDate(entry.lastCheckedOn)}${entry.lastCheckedBy ? ` by ${entry.lastCheckedBy.displayName}` : entry.source === 'oruk_import' ? ' (from the imported feed)' : ''}`
    : 'Never checked';

  return (
    <>
      {back}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <PageHeading sx={{ mb: 0 }}>{entry.name}</PageHeading>
        <DirectoryStatusChip status={entry.status} />
        {entry.stale && <StaleChip months={settings.data?.staleMonths} neverChecked={!entry.lastCheckedOn} />}
      </Box>
      <Typography sx={{ mt: 0.5 }}>
        {entry.organisation.name} · {DIRECTORY_CATEGORIES[entry.category]}
      </Typography>
      {canWrite && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
          <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="outlined" startIcon={<EventAvailableOutlined />} onClick={() => void markChecked()} loading={checking}>
            Mark as checked today
          </Button>
        </Box>
      )}
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'} sx={{ mt: 2 }} onClose={() => setOutcome(null)}>
          {outcome.message}
        </Alert>
      )}
      {loaded.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {loaded.error}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 3, mt: 3, alignItems: 'start' }}>
        <Card title="About">
          <DetailList
            items={[
              ['Description', or(entry.description)],
              ['Category', DIRECTORY_CATEGORIES[entry.category]],
              ['Ages', ages(entry)],
              ['Who can go', or(entry.eligibility)],
              ['Cost', entry.costDescription ? `${costLabel(entry.cost)}: ${entry.costDescription}` : costLabel(entry.cost)],
              ['Places', places(entry)],
              ['Waiting list', entry.waitingList ? 'Yes' : 'No'],
              ['People connected', String(entry.connectionCount)],
            ]}
          />
        </Card>
        <Card title="When and where">
          <DetailList
            items={[
              [
                'Sessions',
                entry.schedules.length === 0 ? (
                  NONE
                ) : (
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {entry.schedules.map((schedule, index) => (
                      <li key={index}>{describeSession(schedule)}</li>
                    ))}
                  </Box>
                ),
              ],
              ['Venue', or(entry.venueName)],
              ['Address', or([entry.address, entry.town, entry.postcode].filter(Boolean).join(', '))],
              ['Area', or(entry.area)],
              ['Access features', entry.accessibilityFeatures.length ? entry.accessibilityFeatures.map((feature) => ACCESSIBILITY_FEATURES[feature]).join(', ') : 'None recorded'],
              ['Access', or(entry.accessibility)],
            ]}
          />
        </Card>
        <Card title="Contact">
          <DetailList
            items={[
              ['Contact name', or(entry.contactName)],
              ['Phone', or(entry.phone)],
              ['Email', or(entry.email)],
              ['Website', or(entry.website)],
            ]}
          />
        </Card>
        <Card title="Organisation">
          <DetailList
            items={[
              ['Name', entry.organisation.name],
              ['About', or(entry.organisation.description)],
              ['Website', or(entry.organisation.website)],
              ['Email', or(entry.organisation.email)],
            ]}
          />
        </Card>
        <Card title="Checking">
          <DetailList
            items={[
              ['Last checked', lastChecked],
              ['Source', entry.source === 'oruk_import' ? `Imported from Open Referral UK${entry.importedAt ? ` on ${formatDateTime(entry.importedAt)}` : ''}` : 'Added in Linkdesk'],
              ['Added', formatDateTime(entry.createdAt)],
              ['Last changed', formatDateTime(entry.updatedAt)],
            ]}
          />
        </Card>
        <GroupSupportSection entry={entry} canRecord={canWrite} />
      </Box>
      {editing && (
        <EntryFormDialog
          entry={entry}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setOutcome({ ok: true, message: 'Changes saved.' });
            setReloadKey((key) => key + 1);
          }}
          onReload={() => {
            setEditing(false);
            setOutcome(null);
            setReloadKey((key) => key + 1);
          }}
        />
      )}
    </>
  );
}
