import { createTheme } from '@mui/material/styles';

/** NHS identity colours (service-manual.nhs.uk): every text pairing below meets WCAG AA. */
export const nhs = {
  blue: '#005EB8',
  darkBlue: '#003087',
  text: '#212B32',
  secondaryText: '#4C6272',
  greyBackground: '#F0F4F5',
  border: '#AEB7BD',
  yellow: '#FFEB3B',
  green: '#007F3B',
  red: '#D5281B',
  warmYellow: '#FFB81C',
} as const;

// Linkdesk runs offline on locked-down practice PCs: system fonts only, Segoe UI first for Windows.
const fontFamily = '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
export const monoFontFamily = 'Consolas, "Cascadia Mono", "DejaVu Sans Mono", "Liberation Mono", monospace';

/**
 * The NHS-style double focus ring: a dark ring against the control, a yellow one outside it, so
 * focus shows on white pages and on the blue app bar alike.
 */
export const focusRing = {
  outline: `3px solid ${nhs.yellow}`,
  outlineOffset: '2px',
  boxShadow: `0 0 0 2px ${nhs.text}`,
} as const;

// Inside lists, menus and tabs an outer ring would be clipped, so draw it inside the item.
const insetFocusRing = {
  outline: `3px solid ${nhs.yellow}`,
  outlineOffset: '-3px',
  boxShadow: `inset 0 0 0 5px ${nhs.text}`,
} as const;

export const theme = createTheme({
  palette: {
    primary: { main: nhs.blue, dark: nhs.darkBlue, contrastText: '#FFFFFF' },
    secondary: { main: '#425563', contrastText: '#FFFFFF' },
    error: { main: nhs.red },
    success: { main: nhs.green },
    warning: { main: nhs.warmYellow, contrastText: nhs.text },
    info: { main: nhs.blue },
    text: { primary: nhs.text, secondary: nhs.secondaryText },
    background: { default: nhs.greyBackground, paper: '#FFFFFF' },
    divider: nhs.border,
  },
  typography: {
    fontFamily,
    h1: { fontSize: '2rem', fontWeight: 700, lineHeight: 1.25 },
    h2: { fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.3 },
    h3: { fontSize: '1.25rem', fontWeight: 600, lineHeight: 1.35 },
    h6: { fontSize: '1.125rem', fontWeight: 600 },
    body1: { fontSize: '1rem', lineHeight: 1.5 },
    body2: { fontSize: '0.9375rem', lineHeight: 1.5 },
    button: { textTransform: 'none', fontWeight: 600, fontSize: '1rem' },
  },
  shape: { borderRadius: 4 },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': focusRing,
        // Headings and containers take focus only so screen readers start there; no ring needed.
        '[tabindex="-1"]:focus': { outline: 'none', boxShadow: 'none' },
        // The text field's outline carries the ring, not the bare <input> inside it.
        '.MuiInputBase-input:focus-visible': { outline: 'none', boxShadow: 'none' },
      },
    },
    MuiButtonBase: {
      defaultProps: { disableRipple: true },
      styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      // No colour transition: after `loading` the label would fade in from transparent, and
      // anything checking contrast at that moment (people included) sees faint text.
      styleOverrides: { root: { minHeight: 44, paddingInline: 20, transitionProperty: 'background-color, box-shadow, border-color' } },
    },
    MuiIconButton: { styleOverrides: { root: { minWidth: 44, minHeight: 44 } } },
    MuiCheckbox: { styleOverrides: { root: { padding: 10 } } },
    MuiListItemButton: { styleOverrides: { root: { minHeight: 48, '&.Mui-focusVisible': insetFocusRing } } },
    // Menus appear and vanish at once: a fading menu is briefly low-contrast text, and quicker too.
    MuiMenu: { defaultProps: { transitionDuration: 0 } },
    MuiMenuItem: { styleOverrides: { root: { minHeight: 44, '&.Mui-focusVisible': insetFocusRing } } },
    MuiTab: { styleOverrides: { root: { minHeight: 48, textTransform: 'none', fontSize: '1rem', '&.Mui-focusVisible': insetFocusRing } } },
    MuiLink: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
    // Labels sit above their fields, NHS style, instead of floating inside the border: always
    // visible, never overlapped by the focus ring, and no notch to cut into the outline.
    MuiInputLabel: {
      defaultProps: { shrink: true },
      styleOverrides: {
        root: {
          position: 'relative',
          transform: 'none',
          maxWidth: '100%',
          whiteSpace: 'normal',
          overflow: 'visible',
          marginBottom: 8,
          fontWeight: 600,
          fontSize: '1rem',
          lineHeight: 1.4,
          color: nhs.text,
          '&.Mui-focused': { color: nhs.text },
          '&.Mui-error': { color: nhs.red },
        },
      },
    },
    MuiOutlinedInput: {
      defaultProps: { notched: false },
      styleOverrides: {
        root: {
          '&.Mui-focused': focusRing,
          '&.Mui-focused .MuiOutlinedInput-notchedOutline': { borderColor: nhs.text, borderWidth: 2 },
          // Field borders need 3:1 against white (WCAG 1.4.11); MUI's default grey is fainter.
          '& .MuiOutlinedInput-notchedOutline': { borderColor: nhs.secondaryText },
          // Select with displayEmpty forces a notch even though labels sit above; close it.
          '& .MuiOutlinedInput-notchedOutline > legend': { maxWidth: '0.01px' },
        },
      },
    },
    MuiFormHelperText: { styleOverrides: { root: { fontSize: '0.875rem', marginInline: 2 } } },
    MuiTextField: { defaultProps: { fullWidth: true, margin: 'normal' } },
    MuiAlert: { styleOverrides: { root: { fontSize: '1rem' } } },
    MuiTooltip: { defaultProps: { describeChild: true } },
  },
});
