import CloseOutlined from '@mui/icons-material/CloseOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { CLOSURE_REASONS, REFERRAL_REASONS, REFERRAL_SOURCES, URGENCIES } from '../../../../shared/domain/referral';
import type { Contact, Episode } from '../../../../shared/ipc/casework-schemas';
import { formatDate } from '../../format';
import { EpisodeStatusChip } from '../caseload/EpisodeStatusChip';
import { EpisodePlanning } from '../plans/EpisodePlanning';
import { DetailList } from './DetailList';
import { EpisodeContacts } from './EpisodeContacts';

export type EpisodeAction = 'contact' | 'plan' | 'close';

interface Props {
  episode: Episode;
  contacts: readonly Contact[];
  canWrite: boolean;
  onAction: (action: EpisodeAction, episode: Episode) => void;
}

export function episodeHeadingId(episode: Episode): string {
  return `episode-${episode.id}-heading`;
}

function referrer(episode: Episode): string {
  const parts = [episode.referrerName, episode.referrerOrganisation, episode.referrerContact].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : 'Not recorded';
}

function reasons(episode: Episode): string {
  return episode.reasons
    .map((reason) => (reason === 'other' && episode.reasonOther ? `Other: ${episode.reasonOther}` : REFERRAL_REASONS[reason]))
    .join('\n');
}

/** One referral (episode of support): where it stands, and what the link worker can do next. */
export function EpisodeCard({ episode, contacts, canWrite, onAction }: Props) {
  const headingId = episodeHeadingId(episode);
  const open = episode.status !== 'closed';
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, mb: 2 }}>
        <Typography id={headingId} tabIndex={-1} variant="h3" component="h3">
          Referral received {formatDate(episode.receivedOn)}
        </Typography>
        <EpisodeStatusChip status={episode.status} />
      </Box>
      <DetailList
        labelWidth="13rem"
        items={[
          ['Source', REFERRAL_SOURCES[episode.source]],
          ['Referred by', referrer(episode)],
          ['Reasons', reasons(episode)],
          ['Urgency', URGENCIES[episode.urgency]],
          ['Link worker', episode.workerName ?? 'Not assigned'],
          ...(episode.status === 'received' ? ([['First contact due by', formatDate(episode.firstContactDueOn)]] as const) : []),
          ['Contacts', `${episode.contactCount} so far (6–12 is typical)`],
          ['Last contact', episode.lastContactOn ? formatDate(episode.lastContactOn) : 'None yet'],
          ['Next planned contact', episode.nextContactOn ? formatDate(episode.nextContactOn) : 'Not planned'],
          ['Review date', episode.reviewDueOn ? formatDate(episode.reviewDueOn) : 'Not set'],
          ...(episode.closedOn || episode.closureReason
            ? ([['Closed', [formatDate(episode.closedOn), episode.closureReason && CLOSURE_REASONS[episode.closureReason]].filter(Boolean).join(': ')]] as const)
            : []),
          ...(episode.closureNote ? ([['Closing note', episode.closureNote]] as const) : []),
          ...(episode.notes ? ([['Referral notes', episode.notes]] as const) : []),
        ]}
      />
      {canWrite && open && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 3 }}>
          {episode.status !== 'declined' && (
            <Button variant="contained" startIcon={<EventNoteOutlined />} onClick={() => onAction('contact', episode)}>
              Record contact
            </Button>
          )}
          <Button variant="outlined" startIcon={<EventAvailableOutlined />} onClick={() => onAction('plan', episode)}>
            Plan next contact
          </Button>
          <Button variant="outlined" startIcon={<CloseOutlined />} onClick={() => onAction('close', episode)}>
            Close episode
          </Button>
        </Box>
      )}
      <EpisodeContacts contacts={contacts} />
      <EpisodePlanning episodeId={episode.id} canWrite={canWrite && open} />
    </Paper>
  );
}
