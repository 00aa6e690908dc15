import {
  Anchor,
  createTheme,
  darken,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Blue on white, darker than Mantine's defaults wherever those fail WCAG AA contrast (4.5:1 for text; axe-core
 * checks every page in the browser tests): filled buttons use blue 8 rather than 6, a filled colour too light for
 * white text gets dark text (`autoContrast`), and links are underlined so that a link inside text does not rely
 * on colour alone. Focus rings show for keyboard users only.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Notifications show a close button with no text: a screen reader would announce just "button".
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
});

/**
 * Text on Mantine's light variants (badges, alerts: shade 6 on a tint of it) reaches only 1.7–3.3:1; shade 9
 * darkened by 30% reaches 5.2:1 or more for every colour. Dimmed text moves from gray 6 (3.3:1) to gray 7,
 * error text from red 6 to red 9, and placeholders to gray 6 darkened by 20% (4.9:1), still lighter than values.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-error': resolved.colors.red[9],
    '--mantine-color-placeholder': darken(resolved.colors.gray[6], 0.2),
    ...Object.fromEntries(
      Object.entries(resolved.colors as Record<string, MantineColorsTuple>).map(([name, shades]) => [
        `--mantine-color-${name}-light-color`,
        darken(shades[9], 0.3),
      ]),
    ),
  },
  dark: {},
});
