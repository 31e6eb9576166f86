import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SupervisionAction } from '../../../../shared/ipc/supervision-schemas';
import { ToneChip } from '../../components/ToneChip';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../format';

export interface ActionHandlers {
  onComplete?: (action: SupervisionAction) => void;
  onReopen?: (action: SupervisionAction) => void;
  onRemove?: (action: SupervisionAction) => void;
}

interface Props extends ActionHandlers {
  actions: readonly SupervisionAction[];
  /** Say which session agreed each action and which person it is about (lists across sessions). */
  showOrigin?: boolean;
  empty?: string;
}

function ActionStatus({ action }: { action: SupervisionAction }) {
  if (action.doneOn) return <ToneChip tone="success" label={`Done ${formatDate(action.doneOn)}`} />;
  if (action.overdue) return <ToneChip tone="alert" label="Overdue" />;
  return <ToneChip tone="neutral" label="Open" />;
}

/** Actions with who, by when and their status; the buttons appear only where main would allow them. */
export function ActionList({ actions, showOrigin = false, empty = 'No actions.', onComplete, onReopen, onRemove }: Props) {
  if (actions.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{empty}</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
      {actions.map((action) => (
        <Box component="li" key={action.id} sx={{ borderLeft: 4, borderColor: action.doneOn ? 'success.main' : action.overdue ? 'error.main' : 'divider', pl: 1.5 }}>
          <Typography sx={{ fontWeight: 600, whiteSpace: 'pre-line' }}>{action.text}</Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 0.5 }}>
            <Typography variant="body2">
              {action.ownerName}, by {formatDate(action.dueOn)}
              {showOrigin && ` · agreed ${formatDate(action.sessionHeldOn)}`}
              {showOrigin && action.personName && ` · about ${action.personName}`}
            </Typography>
            <ActionStatus action={action} />
            {onComplete && !action.doneOn && (
              <Button size="small" variant="outlined" onClick={() => onComplete(action)}>
                Mark done<VisuallyHidden>: {action.text}</VisuallyHidden>
              </Button>
            )}
            {onReopen && action.reopenable && (
              <Button size="small" onClick={() => onReopen(action)}>
                Mark not done<VisuallyHidden>: {action.text}</VisuallyHidden>
              </Button>
            )}
            {onRemove && action.removable && (
              <Button size="small" color="error" onClick={() => onRemove(action)}>
                Remove<VisuallyHidden> action: {action.text}</VisuallyHidden>
              </Button>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
