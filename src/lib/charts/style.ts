/**
 * The charts' look: viewBox defaults, font sizes and stack, and the palette.
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';
export const DEFAULT_WIDTH = 640;
/**
 * The width of a chart's narrow variant (phones): drawn at about one CSS px
 * per unit in a 320-400 px column, so 11-unit text stays at least 11 px.
 */
export const NARROW_WIDTH = 320;
/** Charts narrower than this re-flow: row labels above their bars, columns drawn as rows. */
export const NARROW_LAYOUT_BELOW = 480;
/** At most this many CSS px per viewBox unit (12-unit text at 15 px beside 16 px body text). */
export const MAX_SCALE = 1.25;
export const FONT_SIZE = 12;
export const SMALL_FONT_SIZE = 11;
/** Whether a chart of this width uses the narrow (re-flowed) layout. */
export function isNarrow(width: number): boolean {
  return width < NARROW_LAYOUT_BELOW;
}
/** The system font stack; the page can override it with `--ps-chart-font`. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';

/**
 * Palette: every fill passes 3:1 against white (graphics) and every text fill
 * 4.5:1; dark/light pairs stay distinct in greyscale print. Each role can be
 * overridden by the page with `--ps-chart-<role>` (e.g. for a dark theme).
 */
export const COLORS = {
  primary: '#1d4e89',
  secondary: '#6d96c6',
  accent: '#b3261e',
  accentLight: '#d0675e',
  neutral: '#525c66',
  positive: '#2e6b3a',
  lost: '#c96a3a',
  track: '#e3e9f0',
  muted: '#5a6470',
  onDark: '#ffffff',
  onLight: '#111111',
} as const;
export type ColorRole = keyof typeof COLORS;

/** Fill options for a mark: the colour, plus a class the embedded CSS maps to a custom property. */
export function fill(role: ColorRole): { fill: string; className: string } {
  return { fill: COLORS[role], className: `ps-${role}` };
}
