import ExpandMore from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CONTACT_MODES } from '../../../../shared/domain/referral';
import type { Contact } from '../../../../shared/ipc/casework-schemas';
import { formatDateTime, plural } from '../../format';

/** The contacts of one referral, newest first, folded away until wanted. */
export function EpisodeContacts({ contacts }: { contacts: readonly Contact[] }) {
  if (contacts.length === 0) return null;
  const newestFirst = [...contacts].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Accordion variant="outlined" disableGutters sx={{ mt: 2, '&::before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Typography component="span" sx={{ fontWeight: 600 }}>
          {plural(contacts.length, 'contact', 'contacts')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
          {newestFirst.map((contact) => (
            <Box component="li" key={contact.id} sx={{ borderLeft: 4, borderColor: 'divider', pl: 2 }}>
              <Typography sx={{ fontWeight: 600 }}>
                {formatDateTime(contact.at)} · {CONTACT_MODES[contact.mode]}
                {contact.durationMinutes > 0 && ` · ${plural(contact.durationMinutes, 'minute', 'minutes')}`}
                {contact.didNotAttend && ' · Did not attend'}
              </Typography>
              {contact.attendees && <Typography variant="body2">With: {contact.attendees}</Typography>}
              {contact.notes && (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {contact.notes}
                </Typography>
              )}
              {contact.recordedBy && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  Recorded by {contact.recordedBy}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
