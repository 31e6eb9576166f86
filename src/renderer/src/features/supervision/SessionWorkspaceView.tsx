import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import ArrowBack from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { SupervisionAction } from '../../../../shared/ipc/supervision-schemas';
import { api, errorMessage } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { PageHeading } from '../../components/PageHeading';
import { ToneChip } from '../../components/ToneChip';
import { useFocusWhenSettled } from '../../components/useFocusWhenSettled';
import { formatDate, formatDateTime } from '../../format';
import { useAppNavigation } from '../shell/app-navigation';
import { ActionList } from './ActionList';
import { AgendaSection } from './AgendaSection';
import { PeriodNumbersPanel } from './PeriodNumbersPanel';
import { SessionDialogs, type SessionDialog } from './SessionDialogs';
import { SessionToolbar } from './SessionToolbar';
import { sessionStatus } from './supervision-words';
import { WellbeingSummary } from './WellbeingSummary';

interface Props {
  sessionId: string;
  onBack: () => void;
}

function Section({ title, children, action }: { title: string; children: React.ReactNode; action?: React.ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 2 }}>
        <Typography id={headingId} variant="h2" component="h2">
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

/** One session: its numbers, the agenda case by case, actions, the wellbeing check-in, sign-off and addenda. */
export function SessionWorkspaceView({ sessionId, onBack }: Props) {
  const { openPerson } = useAppNavigation();
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<SessionDialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => api.supervision.get({ sessionId }), [sessionId]);
  const workspace = useLoad(load, reloadKey);
  const [doneRef, focusDoneWhenSettled] = useFocusWhenSettled<HTMLDivElement>(workspace.loading);

  const finish = (message: string, focusMessage = false) => {
    setDialog(null);
    setFailure(null);
    setDone(message);
    setReloadKey((key) => key + 1);
    if (focusMessage) focusDoneWhenSettled();
  };
  const call = async (work: () => Promise<unknown>, message: string) => {
    setDone(null);
    try {
      await work();
      finish(message, true);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const back = (
    <Button startIcon={<ArrowBack />} onClick={onBack} sx={{ mb: 1, ml: -1 }}>
      Back to sessions
    </Button>
  );
  if (!workspace.data) {
    return (
      <>
        {back}
        {workspace.error ? <Alert severity="error">{workspace.error}</Alert> : <CircularProgress aria-label="Opening the session" />}
      </>
    );
  }

  const data = workspace.data;
  const { session, you } = data;
  const open = session.signedAt === null;
  const status = sessionStatus(session);
  const actionHandlers = open
    ? {
        onComplete: (action: SupervisionAction) => setDialog({ kind: 'complete', action }),
        onReopen: (action: SupervisionAction) => void call(() => api.supervision.reopenAction({ actionId: action.id }), 'The action is marked not done.'),
        onRemove: (action: SupervisionAction) => void call(() => api.supervision.removeAction({ actionId: action.id }), 'The action was removed.'),
      }
    : {};

  return (
    <>
      {back}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <PageHeading level={2} sx={{ mb: 0 }}>
          Session on {formatDate(session.heldOn)}
        </PageHeading>
        <ToneChip label={status.label} tone={status.tone} />
      </Box>
      <Typography sx={{ mt: 1 }}>
        Link worker: {session.worker.displayName}. GP supervisor: {session.supervisor.displayName}. Who attended: {session.attendees.join(', ')}.
      </Typography>
      {!open && (
        <Alert severity="info" sx={{ mt: 2 }}>
          Signed off by {session.signedBy} on {formatDateTime(session.signedAt!)}. This record is read-only: nothing in it can be changed. Add an addendum to add
          to it.
        </Alert>
      )}
      {open && session.overdue && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          This session has waited more than 7 days to be signed off.
        </Alert>
      )}
      <SessionToolbar workspace={data} onOpen={setDialog} onRefresh={() => void call(() => api.supervision.refreshAgenda({ sessionId }), 'The agenda was rebuilt from the caseload.')} />
      {done && (
        <Alert ref={doneRef} tabIndex={-1} severity="success" role="status" sx={{ mt: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {(failure ?? workspace.error) && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {failure ?? workspace.error}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 3, mt: 3 }}>
        <PeriodNumbersPanel workspace={data} />
        <Section title="Agenda">
          <AgendaSection
            agenda={data.agenda}
            handlers={{
              ...actionHandlers,
              onOpenRecord: (item) => openPerson(item.personId, 'supervision'),
              ...(open ? { onDiscuss: (item) => setDialog({ kind: 'discuss', item }), onAddAction: (item) => setDialog({ kind: 'action', item }) } : {}),
            }}
          />
        </Section>
        <Section
          title="Other actions"
          action={
            open && (
              <Button variant="outlined" startIcon={<AddTaskOutlined />} onClick={() => setDialog({ kind: 'action', item: null })}>
                Add an action
              </Button>
            )
          }
        >
          <ActionList actions={data.actions} empty="No other actions." {...actionHandlers} />
        </Section>
        <Section title="Actions carried over">
          <ActionList actions={data.carriedActions} showOrigin empty="Nothing carried over from earlier sessions." {...actionHandlers} />
        </Section>
        <Section title="Wellbeing check-in">
          <WellbeingSummary wellbeing={data.wellbeing} you={you} />
        </Section>
        {!open && (
          <Section title="Addenda">
            {data.addenda.length === 0 ? (
              <Typography sx={{ color: 'text.secondary' }}>No addenda.</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {data.addenda.map((addendum) => (
                  <li key={addendum.id}>
                    <Typography sx={{ whiteSpace: 'pre-line' }}>{addendum.text}</Typography>
                    <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
                      Added by {addendum.addedBy} on {formatDateTime(addendum.addedAt)}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </Section>
        )}
      </Box>
      <SessionDialogs dialog={dialog} workspace={data} onCancel={() => setDialog(null)} onDone={finish} />
    </>
  );
}
