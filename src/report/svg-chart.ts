import { escapeHtml } from './escape.js';

/**
 * The report's two charts, drawn as inline SVG strings by this small module rather than a charting
 * library: a line over verdict bands and horizontal bars are a few dozen lines each, need no browser
 * or DOM emulation, and carry exactly the accessibility the page needs (<title>, <desc>, role="img").
 * Colours are CSS classes and variables of the page, so the dark scheme and print styles apply.
 */

export interface Band {
  from: number;
  to: number;
  label: string;
  /** CSS class suffix: `band-<key>`. */
  key: string;
}

export interface LinePoint {
  label: string;
  /** Position on the horizontal axis (e.g. days since the first point); absent: evenly spaced. */
  x?: number;
  value: number | null;
  /** Shown on hover (an SVG <title>) and read by screen readers. */
  note?: string;
}

const WIDTH = 720;
const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

function frame(id: string, title: string, desc: string, height: number, body: string): string {
  return (
    `<svg class="chart" id="${escapeHtml(id)}" role="img" viewBox="0 0 ${WIDTH} ${height}" width="100%" ` +
    `aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title>` +
    `<desc id="${escapeHtml(id)}-desc">${escapeHtml(desc)}</desc>${body}</svg>`
  );
}

/** A line chart of 0..max values, one point per label in order, over horizontal bands. */
export function lineChart(options: {
  id: string;
  title: string;
  desc: string;
  points: readonly LinePoint[];
  max: number;
  bands: readonly Band[];
}): string {
  const height = 280;
  const left = 44;
  const right = 150;
  const top = 16;
  const bottom = 40;
  const plotW = WIDTH - left - right;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - (v / options.max) * plotH;
  const n = options.points.length;
  // Time-proportional when every point has a position, so a gap of a week looks like one.
  const at = options.points.map((p, i) => p.x ?? i);
  const lo = Math.min(...at);
  const span = Math.max(...at) - lo;
  const x = (i: number) => left + (span === 0 ? plotW / 2 : ((at[i]! - lo) / span) * plotW);
  const parts: string[] = [];
  for (const b of options.bands) {
    parts.push(
      `<rect class="band band-${escapeHtml(b.key)}" x="${left}" y="${fmt(y(b.to))}" width="${plotW}" height="${fmt(y(b.from) - y(b.to))}"/>`,
      `<text class="band-label" x="${left + plotW + 8}" y="${fmt((y(b.from) + y(b.to)) / 2 + 4)}">${escapeHtml(b.label)}</text>`,
    );
  }
  for (const t of [0, 0.25, 0.5, 0.75, 1].map((f) => f * options.max)) {
    parts.push(
      `<line class="grid" x1="${left}" x2="${left + plotW}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/>`,
      `<text class="tick" x="${left - 6}" y="${fmt(y(t) + 4)}" text-anchor="end">${fmt(t)}</text>`,
    );
  }
  // A gap (null) breaks the line rather than joining across it.
  let run: string[] = [];
  const runs: string[][] = [];
  options.points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(`${fmt(x(i))},${fmt(y(p.value))}`);
  });
  if (run.length) runs.push(run);
  for (const r of runs) parts.push(`<polyline class="series" points="${r.join(' ')}"/>`);
  options.points.forEach((p, i) => {
    if (p.value === null) return;
    parts.push(
      `<circle class="point" cx="${fmt(x(i))}" cy="${fmt(y(p.value))}" r="4"><title>${escapeHtml(
        `${p.label}: ${fmt(p.value)}${p.note ? ` (${p.note})` : ''}`,
      )}</title></circle>`,
    );
  });
  // First, middle and last labels: enough to read the time axis without crowding it.
  const labelled = [...new Set([0, Math.floor((n - 1) / 2), n - 1])].filter((i) => i >= 0 && i < n);
  for (const i of labelled) {
    const anchor = span === 0 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
    parts.push(
      `<text class="tick" x="${fmt(x(i))}" y="${height - bottom + 18}" text-anchor="${anchor}">${escapeHtml(options.points[i]!.label)}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}"/>`,
    `<line class="axis" x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}"/>`,
  );
  return frame(options.id, options.title, options.desc, height, parts.join(''));
}

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar, e.g. "2.4/4 (5 attempts)". */
  text: string;
  /** CSS class suffix for the bar: `bar-<tone>`. */
  tone?: string;
}

/** Horizontal bars from 0 to max, one row per bar; `marker` draws a reference line (e.g. the limit). */
export function barChart(options: {
  id: string;
  title: string;
  desc: string;
  bars: readonly Bar[];
  max: number;
  marker?: { value: number; label: string };
}): string {
  const row = 24;
  const top = options.marker ? 22 : 6;
  const labelW = 250;
  const textW = 160;
  const plotW = WIDTH - labelW - textW - 16;
  const height = top + options.bars.length * row + 8;
  const x = (v: number) => labelW + (Math.min(v, options.max) / options.max) * plotW;
  const parts: string[] = [];
  options.bars.forEach((b, i) => {
    const y = top + i * row;
    const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
    parts.push(
      `<text class="tick" x="${labelW - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(label)}<title>${escapeHtml(b.label)}</title></text>`,
      `<rect class="bar-track" x="${labelW}" y="${y + 4}" width="${plotW}" height="${row - 8}"/>`,
      `<rect class="bar${b.tone ? ` bar-${escapeHtml(b.tone)}` : ''}" x="${labelW}" y="${y + 4}" width="${fmt(Math.max(0, x(b.value) - labelW))}" height="${row - 8}"/>`,
      `<text class="tick" x="${labelW + plotW + 8}" y="${y + 16}">${escapeHtml(b.text)}</text>`,
    );
  });
  if (options.marker) {
    const mx = fmt(x(options.marker.value));
    parts.push(
      `<line class="marker" x1="${mx}" x2="${mx}" y1="${top - 4}" y2="${height - 4}"/>`,
      `<text class="tick" x="${mx}" y="${top - 8}" text-anchor="middle">${escapeHtml(options.marker.label)}</text>`,
    );
  }
  return frame(options.id, options.title, options.desc, height, parts.join(''));
}
