import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Chip from '@mui/material/Chip';
import type { ReactElement } from 'react';

export type Tone = 'alert' | 'warning' | 'info' | 'success' | 'neutral';

/**
 * Dark text on a pale fill, with a border and an icon: every pair is at least 8:1, borders at
 * least 3:1 against white, and the words plus the icon carry the meaning, never the colour alone.
 */
const TONES: Record<Tone, { text: string; fill: string; border: string; icon: ReactElement | undefined }> = {
  alert: { text: '#8A1C12', fill: '#FDECEA', border: '#D5281B', icon: <ErrorOutlineOutlined /> },
  warning: { text: '#5C3D00', fill: '#FFF2CC', border: '#B27A00', icon: <WarningAmberOutlined /> },
  info: { text: '#003087', fill: '#E3EEF8', border: '#005EB8', icon: <InfoOutlined /> },
  success: { text: '#00512A', fill: '#E3F2E8', border: '#007F3B', icon: <CheckCircleOutlined /> },
  neutral: { text: '#212B32', fill: '#E8EDEE', border: '#4C6272', icon: undefined },
};

export function ToneChip({ label, tone }: { label: string; tone: Tone }) {
  const colours = TONES[tone];
  return (
    <Chip
      size="small"
      label={label}
      icon={colours.icon}
      sx={{
        color: colours.text,
        bgcolor: colours.fill,
        border: `1px solid ${colours.border}`,
        fontWeight: 600,
        maxWidth: '100%',
        // Long labels wrap inside the chip rather than being cut off in narrow columns.
        height: 'auto',
        minHeight: 24,
        '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 },
        '& .MuiChip-icon': { color: colours.text },
      }}
    />
  );
}
