import type { AgendaItem, SessionWorkspace, SupervisionAction } from '../../../../shared/ipc/supervision-schemas';
import { api } from '../../api/client';
import { ExportDialog } from '../exports/ExportDialog';
import { AddActionDialog } from './AddActionDialog';
import { AddCaseDialog } from './AddCaseDialog';
import { AddendumDialog } from './AddendumDialog';
import { CompleteActionDialog } from './CompleteActionDialog';
import { NewSessionDialog } from './NewSessionDialog';
import { RecordDiscussionDialog } from './RecordDiscussionDialog';
import { SignOffDialog } from './SignOffDialog';
import { WellbeingDialog } from './WellbeingDialog';

export type SessionDialog =
  | { kind: 'details' }
  | { kind: 'case' }
  | { kind: 'wellbeing' }
  | { kind: 'discuss'; item: AgendaItem }
  | { kind: 'action'; item: AgendaItem | null }
  | { kind: 'complete'; action: SupervisionAction }
  | { kind: 'sign' }
  | { kind: 'addendum' }
  | { kind: 'export' }
  | null;

interface Props {
  dialog: SessionDialog;
  workspace: SessionWorkspace;
  onCancel: () => void;
  /** Called with what to tell the user once a dialog has done its work. */
  onDone: (message: string, focusMessage?: boolean) => void;
}

/** The session workspace's dialogs, one at a time. */
export function SessionDialogs({ dialog, workspace, onCancel, onDone }: Props) {
  const { session } = workspace;
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'details':
      return <NewSessionDialog pair={{ id: session.pairId, supervisor: session.supervisor, worker: session.worker }} forWorker={workspace.you === 'link_worker'} session={session} onClose={onCancel} onStarted={() => onDone('The session details are saved.')} />;
    case 'case':
      return <AddCaseDialog workspace={workspace} onClose={onCancel} onAdded={(item) => onDone(`${item.personName} is on the agenda.`)} />;
    case 'wellbeing':
      return <WellbeingDialog sessionId={session.id} wellbeing={workspace.wellbeing} forWorker={workspace.you === 'link_worker'} onClose={onCancel} onSaved={() => onDone('The wellbeing check-in is saved.')} />;
    case 'discuss':
      return <RecordDiscussionDialog item={dialog.item} onClose={onCancel} onSaved={(item) => onDone(`The discussion of ${item.personName} is saved.`)} />;
    case 'action':
      return <AddActionDialog session={session} item={dialog.item} onClose={onCancel} onAdded={() => onDone('The action is added.')} />;
    case 'complete':
      return <CompleteActionDialog action={dialog.action} onClose={onCancel} onDone={() => onDone('The action is marked done.', true)} />;
    case 'sign':
      return <SignOffDialog workspace={workspace} onClose={onCancel} onSigned={() => onDone('The session is signed off. It is now read-only.', true)} />;
    case 'addendum':
      return <AddendumDialog sessionId={session.id} onClose={onCancel} onAdded={() => onDone('The addendum is added.')} />;
    case 'export':
      return <ExportDialog kind="supervision_record" run={(declaration) => api.supervision.exportRecord({ sessionId: session.id, declaration })} onClose={onCancel} />;
  }
}
