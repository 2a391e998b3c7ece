/**
 * Invariants every chart keeps: accessible, responsive SVG; stable
 * snapshots; deterministic output; no Plot warnings; an accessible "no data"
 * SVG for empty view-models; hostile labels escaped; no id collisions
 * between charts on one page; a few ms per render.
 */
import { describe, expect, it } from 'vitest';
import { CASES, EVIL } from './cases.ts';
import { expectAccessibleSvg, failOnWarnings, normalizeSvg } from './helpers.ts';

describe.each(CASES)('$id chart', (chart) => {
  failOnWarnings();

  it('renders the example metrics as an accessible, responsive SVG', () => {
    const out = chart.example();
    expectAccessibleSvg(out.svg, chart.id);
    expect(out.svg).toContain(`<desc id="ps-chart-${chart.id}-desc">${escapeXml(out.takeaway)}</desc>`);
    expect(out.svg).toContain(`<title id="ps-chart-${chart.id}-title">${escapeXml(out.title)}</title>`);
    expect(out.svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(out.svg).toMatch(/font-family:var\(--ps-chart-font,system-ui/);
    expect(out.svg).not.toMatch(/font-family="/);
    expect(out.table.headers.length).toBe(out.table.kinds.length);
    for (const row of out.table.rows) expect(row.length).toBe(out.table.headers.length);
  });

  it('matches its snapshot', async () => {
    await expect(normalizeSvg(chart.example().svg)).toMatchFileSnapshot(`./__snapshots__/${chart.id}.svg`);
  });

  it('is deterministic', () => {
    expect(chart.example().svg).toBe(chart.example().svg);
  });

  it('has a narrow variant for phones (not the fixed-size sparkline), drawn at 320 units with text of 11 units or more', async () => {
    const out = chart.example();
    if (chart.id === 'sparkline') {
      expect(out.narrowSvg).toBeUndefined();
      return;
    }
    const narrow = out.narrowSvg!;
    expectAccessibleSvg(narrow, `${chart.id}-narrow`);
    expect(narrow).toMatch(/viewBox="0 0 320 \d+(\.\d+)?"/);
    expect(narrow).toContain(`<desc id="ps-chart-${chart.id}-narrow-desc">${escapeXml(out.takeaway)}</desc>`);
    for (const [, size] of narrow.matchAll(/font-size="([\d.]+)"/g)) expect(Number(size)).toBeGreaterThanOrEqual(11);
    await expect(normalizeSvg(narrow)).toMatchFileSnapshot(`./__snapshots__/${chart.id}.narrow.svg`);
  });

  it('never grows past 1.25 px per unit (text stays near the body size on a wide screen)', () => {
    const { svg } = chart.example();
    const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
    const max = /max-width:(\d+)px/.exec(svg);
    if (chart.id === 'sparkline') expect(max).toBeNull(); // no text to keep legible
    else expect(Number(max![1])).toBe(Math.round(width * 1.25));
  });

  it.each(Object.entries(chart.empties))('renders "no data" for %s', (_name, render) => {
    const out = render();
    expectAccessibleSvg(out.svg, chart.id);
    expect(out.takeaway).toMatch(/^No data: /);
    expect(out.svg).toContain(`>${escapeXml(out.takeaway)}</text>`);
    expect(out.svg).not.toContain("<g"); // no axes, no marks: just the message
    for (const row of out.table.rows) expect(row.length).toBe(out.table.headers.length);
  });

  it('escapes labels', () => {
    const { svg } = chart.evil();
    expect(svg).not.toContain('<img');
    expect(svg).toContain(escapeXml(EVIL));
    expect(svg).not.toMatch(/<(?!\/?(svg|g|style|title|desc|text|tspan|rect|path|line|circle|clipPath)\b)/);
  });
});

describe('charts on one page', () => {
  failOnWarnings();

  it('share no ids (narrow variants included)', () => {
    const ids = CASES.flatMap((c) => {
      const out = c.example();
      return [...`${out.svg}${out.narrowSvg ?? ''}`.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('render in a few milliseconds each (both variants, wide and narrow)', () => {
    for (const c of CASES) c.example(); // warm up
    const timings: Record<string, number> = {};
    for (const c of CASES) {
      const runs = 20;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) c.example();
      timings[c.id] = Math.round(((performance.now() - t0) / runs) * 100) / 100;
    }
    console.info('chart render time (ms, mean of 20):', timings);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(100);
  });
});

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
