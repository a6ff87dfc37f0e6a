/**
 * Mantine's defaults, adjusted only where they fall below WCAG AA contrast (4.5:1 for body
 * text): the filled shade, dimmed and error text, and the text colour of "light" variants.
 */
import { Drawer, Modal, PasswordInput, createTheme } from "@mantine/core";
import type { CSSVariablesResolver } from "@mantine/core";

/** Each colour's shade 9 darkened until it reads at 4.5:1 or more on its shades 1 and 2. */
const READABLE_LIGHT_TEXT: Record<string, string> = {
  red: "#ab2424",
  pink: "#a61e4d",
  grape: "#862e9c",
  violet: "#5a3aba",
  indigo: "#3147b3",
  blue: "#165a9a",
  cyan: "#0a6778",
  teal: "#077252",
  green: "#226e32",
  lime: "#4a760a",
  yellow: "#a15300",
  orange: "#ae3a0c",
};

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 carries white text at 5:1; shade 6 (the default) only at 3.6:1.
  primaryShade: { light: 8, dark: 8 },
  // Black or white text on filled colours, whichever reads better; 0.18 is where both pass AA.
  autoContrast: true,
  luminanceThreshold: 0.18,
  components: {
    // Dialogs' close buttons are icons only: they need a name for screen readers.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
    // Named without the word "password", so a field is found by its label alone.
    PasswordInput: PasswordInput.extend({
      defaultProps: {
        visibilityToggleButtonProps: { "aria-label": "Show or hide what you typed" },
      },
    }),
  },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
});

export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": current.colors.gray[7],
    "--mantine-color-error": current.colors.red[9],
    ...Object.fromEntries(
      Object.entries(READABLE_LIGHT_TEXT).map(([name, hex]) => [
        `--mantine-color-${name}-light-color`,
        hex,
      ]),
    ),
  },
  dark: {},
});
