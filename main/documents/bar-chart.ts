/**
 * A grouped bar chart drawn as SVG for pdfmake (its svg node, through svg-to-pdfkit), so a printed report carries
 * the chart the screen shows. Labels are the office's own names: escaped, never markup.
 */
import type { Content } from 'pdfmake/interfaces';
import { chartLabel } from '../domain/reports';
import { FONT, plain } from './fonts';

export interface PrintedBarChart {
  heading: string;
  categories: string[];
  series: { name: string; color: string; values: number[] }[];
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** 0, step, 2 step, ... up to at least max: whole numbers, about four lines. */
function gridSteps(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

/** Up to 8 areas the names (cut at CHART_LABEL_MAX) fit side by side; more are slanted, which needs room. */
const slants = (chart: PrintedBarChart) => chart.categories.length > 8;

export function barChartSvg(chart: PrintedBarChart, width: number, height: number): string {
  const left = 32;
  const legend = 16;
  const slanted = slants(chart);
  const bottom = slanted ? 70 : 18;
  const plotW = width - left - 4;
  const plotH = height - bottom - legend;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const steps = gridSteps(max);
  const top = steps[steps.length - 1];
  const y = (v: number) => legend + plotH - (v / top) * plotH;
  const group = plotW / Math.max(1, chart.categories.length);
  // Wide bars for two areas look like a different chart: at most 36 pt each.
  const bar = Math.min(36, (group * 0.7) / chart.series.length);
  const parts: string[] = [];
  for (const s of steps) {
    parts.push(`<line x1="${left}" y1="${y(s)}" x2="${width - 4}" y2="${y(s)}" stroke="#dee2e6" stroke-width="0.5"/>`);
    parts.push(`<text x="${left - 4}" y="${y(s) + 3}" font-size="7" text-anchor="end" fill="#495057">${s}</text>`);
  }
  chart.categories.forEach((category, i) => {
    const x0 = left + (i + 0.5) * group - (bar * chart.series.length) / 2;
    chart.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      parts.push(
        `<rect x="${x0 + k * bar}" y="${y(v)}" width="${bar * 0.92}" height="${legend + plotH - y(v)}" fill="${s.color}"/>`,
      );
    });
    const cx = left + (i + 0.5) * group;
    const ly = legend + plotH + 9;
    parts.push(
      `<text x="${cx}" y="${ly}" font-size="7" text-anchor="${slanted ? 'end' : 'middle'}" fill="#212529"${
        slanted ? ` transform="rotate(-35 ${cx} ${ly})"` : ''
      }>${escapeXml(chartLabel(category))}</text>`,
    );
  });
  chart.series.forEach((s, k) => {
    const x = left + k * 90;
    parts.push(`<rect x="${x}" y="2" width="9" height="9" fill="${s.color}"/>`);
    parts.push(`<text x="${x + 13}" y="10" font-size="8" fill="#212529">${escapeXml(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** The chart under its heading, kept together on one page. */
export function barChart(chart: PrintedBarChart, width: number): Content {
  return {
    stack: [
      { text: plain(chart.heading), bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
      { svg: barChartSvg(chart, width, slants(chart) ? 220 : 170), width },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 12],
  };
}
