import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * A sober navy for a bank's back office: readable in both schemes, never playful. Ten
 * shades from lightest to darkest, as Mantine expects.
 */
const ledger: MantineColorsTuple = ['#edf3fb', '#d9e3f2', '#afc5e5', '#83a5d8', '#5e8acc', '#4779c5', '#3a70c3', '#2b5fad', '#22549b', '#134889'];

/**
 * Dense by default: people work in this console all day on large screens with many rows,
 * so inputs, buttons and tables use the small size and tight spacing everywhere. Fonts are
 * the OS's own (no remote or bundled web font is needed on air-gapped machines).
 */
export const theme = createTheme({
  primaryColor: 'ledger',
  primaryShade: { light: 7, dark: 5 },
  colors: { ledger },
  defaultRadius: 'sm',
  // One step smaller than the library's defaults: 14 px body text, 13 px in tables and menus.
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  cursorType: 'pointer',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
    },
  },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Checkbox: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'sm' } },
    Badge: { defaultProps: { size: 'sm', radius: 'sm' } },
    Menu: { defaultProps: { shadow: 'md', width: 240 } },
    Modal: { defaultProps: { centered: true } },
    NavLink: { defaultProps: { py: 6 } },
  },
});
