import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { Conversation } from '../../../../shared/ipc/plans-schemas';
import { formatDate } from '../../format';
import { DetailList } from '../person/DetailList';
import { verbatimSx } from './plan-fields';

interface Props {
  conversations: readonly Conversation[] | undefined;
  onRecord: (() => void) | undefined;
}

/** The episode's "what matters to me" conversations, newest first, the person's words as quotations. */
export function WhatMattersSection({ conversations, onRecord }: Props) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h3" component="h4" gutterBottom>
        What matters to me
      </Typography>
      {conversations && conversations.length === 0 && <Typography sx={{ color: 'text.secondary' }}>No conversations recorded yet.</Typography>}
      {conversations && conversations.length > 0 && (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
          {conversations.map((conversation) => (
            <Box component="li" key={conversation.id} sx={{ borderLeft: 4, borderColor: 'divider', pl: 2 }}>
              <Typography sx={{ fontWeight: 600 }}>
                Conversation on {formatDate(conversation.heldOn)}
                {conversation.recordedBy && (
                  <Typography component="span" sx={{ fontWeight: 400, color: 'text.secondary' }}>
                    {' '}
                    · recorded by {conversation.recordedBy}
                  </Typography>
                )}
              </Typography>
              <Box
                component="blockquote"
                sx={{ m: 0, my: 1, px: 2, py: 1, bgcolor: 'grey.100', borderRadius: 1, fontStyle: 'italic', ...verbatimSx }}
              >
                {conversation.ownWords}
              </Box>
              <DetailList
                labelWidth="12rem"
                items={[
                  ['Their strengths', <Box component="span" sx={verbatimSx}>{conversation.strengths || 'Not recorded'}</Box>],
                  ['What gets in the way', <Box component="span" sx={verbatimSx}>{conversation.whatGetsInTheWay || 'Not recorded'}</Box>],
                  ['Their priorities', <Box component="span" sx={verbatimSx}>{conversation.priorities || 'Not recorded'}</Box>],
                ]}
              />
            </Box>
          ))}
        </Box>
      )}
      {onRecord && (
        <Button variant="outlined" startIcon={<RecordVoiceOverOutlined />} onClick={onRecord} sx={{ mt: 2 }}>
          Record what matters
        </Button>
      )}
    </Box>
  );
}
