import Box from '@mui/material/Box';
import type { FormEventHandler, ReactNode } from 'react';

/**
 * A form that fills a Dialog's paper and keeps its column layout, so the title and buttons stay
 * put and only the fields scroll on a small window.
 */
export function DialogForm({ onSubmit, children }: { onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode }) {
  return (
    <Box component="form" noValidate onSubmit={onSubmit} sx={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}>
      {children}
    </Box>
  );
}
