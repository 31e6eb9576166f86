import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { PeopleSearch } from '../search/PeopleSearch';
import type { SearchResult } from '../search/usePeopleSearch';

interface Props {
  title: string;
  onChoose: (person: SearchResult) => void;
  onClose: () => void;
}

/** Finds the person an export is about, with the same search as the app bar (each search is audited). */
export function ChoosePersonDialog({ title, onChoose, onClose }: Props) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={descriptionId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent sx={{ minHeight: 260 }}>
        <DialogContentText id={descriptionId}>Find the person the export is about.</DialogContentText>
        <PeopleSearch label="Person" onChoose={onChoose} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 3 }}>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}
