import { api } from '../../api/client';
import { ExportDialog } from '../exports/ExportDialog';

/** The message back to the GP and the referrer, through the one export dialog. */
export function GpLetterExport({ episodeId, onClose }: { episodeId: string; onClose: () => void }) {
  return (
    <ExportDialog
      kind="gp_letter"
      intro="A short letter (PDF) saying how the referral ended, what was offered and what happened, the change in ONS4 wellbeing and the SNOMED codes recorded."
      run={(declaration) => api.outcomes.exportGpLetter({ episodeId, declaration })}
      onClose={onClose}
    />
  );
}
