import Typography from '@mui/material/Typography';
import { monoFontFamily } from '../../theme';

/**
 * A record's id, small and out of the way at the foot of the record: an IG lead (an admin, who
 * cannot open records) is given it to find every audit entry about the person.
 */
export function RecordIdNote({ id }: { id: string }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 4 }}>
      Record id for the audit log:{' '}
      <Typography component="span" variant="body2" sx={{ fontFamily: monoFontFamily, userSelect: 'all' }}>
        {id}
      </Typography>
    </Typography>
  );
}
