import { createTheme } from '@mantine/core';

/**
 * Blue on white, with Mantine's default shades: their text colours pass WCAG AA contrast on white. Focus rings
 * show for keyboard users only.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
