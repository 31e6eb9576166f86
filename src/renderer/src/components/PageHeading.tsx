import Typography, { type TypographyProps } from '@mui/material/Typography';
import { useEffect, useRef } from 'react';

type Props = Omit<TypographyProps, 'variant' | 'component' | 'tabIndex' | 'ref'> & {
  level?: 1 | 2;
  /** Move focus here when shown, so a screen reader starts reading the new screen from its heading. */
  focusOnMount?: boolean;
};

/** A screen's heading. Each screen has exactly one level-1 heading. */
export function PageHeading({ level = 1, focusOnMount = true, children, ...rest }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <Typography ref={ref} variant={level === 1 ? 'h1' : 'h2'} component={level === 1 ? 'h1' : 'h2'} tabIndex={-1} gutterBottom {...rest}>
      {children}
    </Typography>
  );
}
