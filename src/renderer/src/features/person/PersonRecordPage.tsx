import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import PostAddOutlined from '@mui/icons-material/PostAddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { Episode } from '../../../../shared/ipc/casework-schemas';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { ToneChip } from '../../components/ToneChip';
import { useFocusWhenSettled } from '../../components/useFocusWhenSettled';
import { canWriteCasework } from '../../session/permissions';
import type { AreaSpec } from '../shell/areas';
import { useAppNavigation } from '../shell/app-navigation';
import { OutcomesSection } from '../outcomes/OutcomesSection';
import { PersonFlagsSection } from '../supervision/PersonFlagsSection';
import { RecordIdNote } from '../audit/RecordIdNote';
import { EpisodesSection } from './EpisodesSection';
import { NotesSection } from './NotesSection';
import { PersonDialogs, type PersonDialog } from './PersonDialogs';
import { PersonSummaryCard } from './PersonSummaryCard';
import { personName } from './record-types';
import { TimelineSection } from './TimelineSection';

interface Props {
  personId: string;
  user: SessionUser;
  /** The area the record was opened from, for the Back button. */
  backTo: AreaSpec;
}

/** One person's record: who they are, their referrals, notes and what happened. Opening it is audited by main. */
export function PersonRecordPage({ personId, user, backTo }: Props) {
  const { openArea, startReferral } = useAppNavigation();
  const ids = { details: useId(), referrals: useId(), notes: useId(), timeline: useId() };
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<PersonDialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => api.people.get({ personId }), [personId]);
  const record = useLoad(load, reloadKey);
  const [doneRef, focusDoneWhenSettled] = useFocusWhenSettled<HTMLDivElement>(record.loading);
  const canWrite = canWriteCasework(user.role);

  const finish = (message: string, focusMessage = false) => {
    setDialog(null);
    setDone(message);
    setReloadKey((key) => key + 1);
    // When the button that opened the dialog goes away (a closed episode), focus the confirmation instead.
    if (focusMessage) focusDoneWhenSettled();
  };

  const back = (
    <Button startIcon={<ArrowBack />} onClick={() => openArea(backTo.id)} sx={{ mb: 1, ml: -1 }}>
      Back to {backTo.label === 'GP coding' ? 'GP coding' : backTo.label.toLowerCase()}
    </Button>
  );

  if (!record.data) {
    return (
      <>
        {back}
        <PageHeading>{record.error ? 'This record cannot be opened' : 'Opening the record'}</PageHeading>
        {record.error ? <Alert severity="error">{record.error}</Alert> : <CircularProgress aria-label="Opening the record" />}
      </>
    );
  }

  const { person, episodes, contacts, notes, timeline } = record.data;
  const name = personName(person);
  // Main allows one open referral per person.
  const hasOpenReferral = episodes.some((episode) => episode.status !== 'closed');
  const onEpisodeAction = (action: 'contact' | 'plan' | 'close', episode: Episode) => {
    setDone(null);
    setDialog({ kind: action, episode });
  };

  return (
    <>
      {back}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <PageHeading sx={{ mb: 0 }}>{name}</PageHeading>
        {!person.nhsNumber && <ToneChip tone="info" label="NHS number not known" />}
      </Box>
      {person.preferredName && <Typography sx={{ mt: 0.5 }}>Known as {person.preferredName}</Typography>}
      {canWrite && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
          {!hasOpenReferral && (
            <Button variant="outlined" startIcon={<PostAddOutlined />} onClick={() => startReferral({ id: person.id, name })}>
              New referral for this person
            </Button>
          )}
          <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
            Edit details
          </Button>
        </Box>
      )}
      {done && (
        <Alert ref={doneRef} tabIndex={-1} severity="success" role="status" sx={{ mt: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {record.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {record.error}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(300px, 5fr) 7fr' }, gap: 3, mt: 3, alignItems: 'start' }}>
        <Box sx={{ display: 'grid', gap: 3, minWidth: 0 }}>
          <PersonFlagsSection personId={person.id} canWrite={canWrite} />
          <PersonSummaryCard person={person} headingId={ids.details} />
          <NotesSection notes={notes} headingId={ids.notes} onAdd={canWrite ? () => setDialog({ kind: 'note' }) : undefined} />
        </Box>
        <Box sx={{ display: 'grid', gap: 3, minWidth: 0 }}>
          <EpisodesSection episodes={episodes} contacts={contacts} headingId={ids.referrals} canWrite={canWrite} onAction={onEpisodeAction} />
          <OutcomesSection personId={person.id} recordVersion={reloadKey} user={user} />
          <TimelineSection items={timeline} headingId={ids.timeline} />
        </Box>
      </Box>
      <RecordIdNote id={person.id} />
      <PersonDialogs dialog={dialog} person={person} onCancel={() => setDialog(null)} onDone={finish} />
    </>
  );
}
