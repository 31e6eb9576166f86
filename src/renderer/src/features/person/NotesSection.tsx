import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../format';
import type { RecordNote } from './record-types';

interface Props {
  notes: readonly RecordNote[];
  headingId: string;
  /** Absent for roles that only read. */
  onAdd: (() => void) | undefined;
}

export function NotesSection({ notes, headingId, onAdd }: Props) {
  const newestFirst = [...notes].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1 }}>
        <Typography id={headingId} variant="h2" component="h2">
          Notes
        </Typography>
        {onAdd && (
          <Button variant="outlined" startIcon={<NoteAddOutlined />} onClick={onAdd}>
            Add note
          </Button>
        )}
      </Box>
      {newestFirst.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>No notes yet.</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
          {newestFirst.map((note) => (
            <Box component="li" key={note.id} sx={{ borderLeft: 4, borderColor: 'divider', pl: 2 }}>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {formatDateTime(note.at)}
                {note.author && ` · ${note.author}`}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{note.text}</Typography>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}
