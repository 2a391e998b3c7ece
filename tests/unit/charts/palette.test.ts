/**
 * The charts' palette keeps what style.ts says of it: every fill a mark is told apart by passes 3:1 against the
 * white ground (WCAG 1.4.11, graphics), every colour text is drawn in 4.5:1 (1.4.3). The track is the bars' ground,
 * not a mark; `onDark` is the text on the dark fills, checked against each of them.
 */
import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/lib/charts/style.ts';

/** WCAG's relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
const WHITE = '#ffffff';

describe('the charts’ palette', () => {
  it('draws every mark at 3:1 or more against white, unrounded (#6f98c8 was 2.999:1)', () => {
    const marks = ['primary', 'secondary', 'accent', 'accentLight', 'neutral', 'positive', 'lost', 'muted', 'onLight'] as const;
    const low = marks.filter((role) => contrast(COLORS[role], WHITE) < 3).map((role) => `${role} ${COLORS[role]} ${contrast(COLORS[role], WHITE).toFixed(3)}`);
    expect(low).toEqual([]);
    expect(contrast(COLORS.secondary, WHITE)).toBeGreaterThan(3.05);
  });

  it('draws text in colours of 4.5:1 or more: the muted and neutral labels on white, white on the dark fills', () => {
    for (const role of ['muted', 'neutral', 'onLight', 'primary'] as const) expect(contrast(COLORS[role], WHITE), role).toBeGreaterThanOrEqual(4.5);
    for (const fill of ['primary', 'neutral'] as const) expect(contrast(COLORS.onDark, COLORS[fill]), fill).toBeGreaterThanOrEqual(4.5);
  });
});
