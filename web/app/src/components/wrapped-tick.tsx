/** Line height and font size of a wrapped axis label, in pixels. */
export const TICK_LINE = 15;
const TICK_FONT = 12;
/** A conservative width of one character at TICK_FONT: labels wrap early rather than clip. */
const CHAR_WIDTH = 7.2;

/** `label` cut at spaces into lines of at most `width` pixels (a longer word stays whole). */
export function wrapLabel(label: string, width: number): string[] {
  const perLine = Math.max(4, Math.floor(width / CHAR_WIDTH));
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

/**
 * A category axis label wrapped onto as many lines as its width needs, left-aligned inside the
 * axis (so nothing runs off the chart's edge) and centred on its bar. Recharts passes `x`, `y`
 * (the tick's anchor on the axis line) and `payload`.
 */
export function WrappedTick({
  x = 0,
  y = 0,
  payload,
  width,
}: {
  x?: number;
  y?: number;
  payload?: { value: string | number };
  width: number;
}) {
  const lines = wrapLabel(String(payload?.value ?? ""), width - 8);
  const top = y - ((lines.length - 1) * TICK_LINE) / 2;
  return (
    <text
      x={x - width + 4}
      y={top}
      textAnchor="start"
      dominantBaseline="central"
      fontSize={TICK_FONT}
      fill="var(--muted)"
    >
      {lines.map((line, index) => (
        <tspan key={index} x={x - width + 4} y={top + index * TICK_LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
