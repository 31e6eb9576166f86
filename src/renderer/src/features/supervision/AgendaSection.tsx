import AddCommentOutlined from '@mui/icons-material/AddCommentOutlined';
import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import OpenInNewOutlined from '@mui/icons-material/OpenInNewOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { AGENDA_REASONS, PERSON_FLAG_KINDS, type AgendaReason } from '../../../../shared/domain/supervision';
import { EPISODE_STATUSES } from '../../../../shared/domain/referral';
import type { AgendaItem } from '../../../../shared/ipc/supervision-schemas';
import { ToneChip } from '../../components/ToneChip';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { DetailList } from '../person/DetailList';
import { ActionList, type ActionHandlers } from './ActionList';
import { REASON_TONES } from './supervision-words';

interface CaseHandlers extends ActionHandlers {
  onDiscuss?: (item: AgendaItem) => void;
  onAddAction?: (item: AgendaItem) => void;
  onOpenRecord?: (item: AgendaItem) => void;
}

function AgendaCase({ item, handlers }: { item: AgendaItem; handlers: CaseHandlers }) {
  const headingId = useId();
  const discussed = item.discussion !== '' || item.decision !== '' || item.safeguardingRaised;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={headingId} sx={{ p: 2.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography id={headingId} variant="h4" component="h4" sx={{ fontSize: '1.15rem', fontWeight: 700 }}>
          {item.personName}
          <Typography component="span" sx={{ fontWeight: 400, ml: 1 }}>
            ({EPISODE_STATUSES[item.episodeStatus]})
          </Typography>
        </Typography>
        {handlers.onOpenRecord && (
          <Button size="small" startIcon={<OpenInNewOutlined />} onClick={() => handlers.onOpenRecord!(item)}>
            Open record<VisuallyHidden> of {item.personName}</VisuallyHidden>
          </Button>
        )}
      </Box>
      <Box component="ul" aria-label="Why it is on the agenda" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, mt: 1, p: 0 }}>
        {item.reasons.map((reason) => (
          <li key={reason}>
            <ToneChip label={AGENDA_REASONS[reason]} tone={REASON_TONES[reason]} />
          </li>
        ))}
      </Box>
      <Box sx={{ mt: 2 }}>
        <DetailList
          items={[
            ...item.flags.map((flag) => [`${PERSON_FLAG_KINDS[flag.kind]} flag`, flag.reason] as const),
            ...(item.addedNote ? [['Why it was added', item.addedNote] as const] : []),
            ...(discussed
              ? ([
                  ['Discussion', item.discussion || 'Nothing written'],
                  ['Decision', item.decision || 'No decision recorded'],
                  ['Safeguarding', item.safeguardingRaised ? `Concern raised. ${item.safeguardingAction}` : 'No concern raised'],
                ] as const)
              : []),
          ]}
        />
        {!discussed && <Typography sx={{ color: 'text.secondary', mt: 1 }}>Not discussed yet.</Typography>}
      </Box>
      <Typography component="h5" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
        Actions
      </Typography>
      <ActionList actions={item.actions} empty="No actions for this case." {...handlers} />
      {(handlers.onDiscuss ?? handlers.onAddAction) && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 2 }}>
          {handlers.onDiscuss && (
            <Button variant="outlined" startIcon={<AddCommentOutlined />} onClick={() => handlers.onDiscuss!(item)}>
              {discussed ? 'Change the discussion' : 'Record the discussion'}
              <VisuallyHidden> for {item.personName}</VisuallyHidden>
            </Button>
          )}
          {handlers.onAddAction && (
            <Button variant="outlined" startIcon={<AddTaskOutlined />} onClick={() => handlers.onAddAction!(item)}>
              Add an action<VisuallyHidden> for {item.personName}</VisuallyHidden>
            </Button>
          )}
        </Box>
      )}
    </Paper>
  );
}

function AgendaGroup({ reason, items, handlers }: { reason: AgendaReason; items: readonly AgendaItem[]; handlers: CaseHandlers }) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ fontSize: '1.3rem', mb: 1.5 }}>
        {AGENDA_REASONS[reason]} ({items.length})
      </Typography>
      <Box sx={{ display: 'grid', gap: 2 }}>
        {items.map((item) => (
          <AgendaCase key={item.id} item={item} handlers={handlers} />
        ))}
      </Box>
    </Box>
  );
}

/** The agenda, grouped by each case's most pressing reason (safeguarding first). */
export function AgendaSection({ agenda, handlers }: { agenda: readonly AgendaItem[]; handlers: CaseHandlers }) {
  const groups = new Map<AgendaReason, AgendaItem[]>();
  for (const item of agenda) groups.set(item.reasons[0]!, [...(groups.get(item.reasons[0]!) ?? []), item]);
  if (agenda.length === 0) return <Typography>Nothing on the agenda. The caseload has no case that needs discussing, and none has been added.</Typography>;
  return (
    <Box sx={{ display: 'grid', gap: 3 }}>
      {[...groups].map(([reason, items]) => (
        <AgendaGroup key={reason} reason={reason} items={items} handlers={handlers} />
      ))}
    </Box>
  );
}
