import type { EvaluationMonth } from '../../../main/api/evaluation.contract';
import { formatNumber } from '../../../main/domain/format';

type Cell = EvaluationMonth['rows'][number]['figures'][string];
type Figure = EvaluationMonth['figures'][number];

export const percentText = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : `${String(n).replace('.', ',')}%`;

/** '2 / 3' against a target, '38,9%' for a percentage, '16' for a count. */
export function figureText(figure: Figure, cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '–';
  const value = figure.unit === 'persen' ? percentText(cell.value) : formatNumber(cell.value);
  return cell.target === null ? value : `${value} / ${formatNumber(cell.target)}`;
}
