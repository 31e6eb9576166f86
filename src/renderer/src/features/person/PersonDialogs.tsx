import type { Episode } from '../../../../shared/ipc/casework-schemas';
import { AddNoteDialog } from './AddNoteDialog';
import { CloseEpisodeDialog } from './CloseEpisodeDialog';
import { EditPersonDialog } from './EditPersonDialog';
import { PlanDialog } from './PlanDialog';
import { personName, type RecordedPerson } from './record-types';
import { RecordContactDialog } from './RecordContactDialog';

export type PersonDialog =
  | { kind: 'contact'; episode: Episode }
  | { kind: 'plan'; episode: Episode }
  | { kind: 'close'; episode: Episode }
  | { kind: 'note' }
  | { kind: 'edit' }
  | null;

interface Props {
  dialog: PersonDialog;
  person: RecordedPerson;
  onCancel: () => void;
  /** Called with the confirmation to show; `focusMessage` when the dialog's trigger is gone. */
  onDone: (message: string, focusMessage?: boolean) => void;
}

/** The record's dialogs, one at a time. Closing one returns focus to the button that opened it. */
export function PersonDialogs({ dialog, person, onCancel, onDone }: Props) {
  switch (dialog?.kind) {
    case 'contact':
      return (
        <RecordContactDialog
          episode={dialog.episode}
          personName={personName(person)}
          onClose={onCancel}
          onRecorded={(contact) => onDone(contact.didNotAttend ? 'Recorded that they did not attend.' : 'Contact recorded.')}
        />
      );
    case 'plan':
      return <PlanDialog episode={dialog.episode} onClose={onCancel} onPlanned={() => onDone('Plan saved.')} />;
    case 'close':
      return <CloseEpisodeDialog episode={dialog.episode} onClose={onCancel} onClosed={() => onDone('Episode closed.', true)} />;
    case 'note':
      return <AddNoteDialog personId={person.id} onClose={onCancel} onAdded={() => onDone('Note added.')} />;
    case 'edit':
      return <EditPersonDialog person={person} onClose={onCancel} onSaved={() => onDone('Details saved.')} />;
    default:
      return null;
  }
}
