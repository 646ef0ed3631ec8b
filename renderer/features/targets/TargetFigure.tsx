import { Text, Tooltip } from '@mantine/core';
import { formatNumber } from '../../../main/domain/format';

/**
 * A target figure with how it is computed (targets.ts writes the text once for Beranda, Laporan and the Target
 * page): shown on hover and on keyboard focus, so the figure is a tab stop.
 */
export function TargetFigure({ value, how, unit = '' }: { value: number | null; how: string | null; unit?: string }) {
  const text = value === null ? '–' : `${formatNumber(value)}${unit}`;
  if (value === null || !how) return <>{text}</>;
  return (
    <Tooltip label={`Target: ${how}.`} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text
        component="span"
        inherit
        tabIndex={0}
        data-testid="target-figure"
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}
      >
        {text}
      </Text>
    </Tooltip>
  );
}
