import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Contact, Episode } from '../../../../shared/ipc/casework-schemas';
import { EpisodeCard, type EpisodeAction } from './EpisodeCard';

interface Props {
  episodes: readonly Episode[];
  contacts: readonly Contact[];
  headingId: string;
  canWrite: boolean;
  onAction: (action: EpisodeAction, episode: Episode) => void;
}

/** The person's referrals: open ones first, then the closed, each newest first. */
export function EpisodesSection({ episodes, contacts, headingId, canWrite, onAction }: Props) {
  const ordered = [...episodes].sort(
    (a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || b.receivedOn.localeCompare(a.receivedOn),
  );
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h2" component="h2" gutterBottom>
        Referrals
      </Typography>
      {ordered.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>No referrals yet.</Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 2 }}>
          {ordered.map((episode) => (
            <EpisodeCard
              key={episode.id}
              episode={episode}
              contacts={contacts.filter((contact) => contact.episodeId === episode.id)}
              canWrite={canWrite}
              onAction={onAction}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
