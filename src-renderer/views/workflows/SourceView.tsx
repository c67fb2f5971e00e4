import { useEffect, useRef } from 'react';
import { ScrollArea } from '@mantine/core';
import type { Problem } from '@shared/domain/problems';

/**
 * A source file with line numbers. Lines with a problem are marked in the gutter (red for
 * errors, amber for warnings); `highlight` picks one line out and scrolls it into view.
 */
export function SourceView({
  text,
  problems = [],
  highlight = null,
  maxHeight = 480,
  label,
}: {
  text: string;
  problems?: readonly Problem[];
  highlight?: number | null;
  maxHeight?: number | string;
  label: string;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const lines = text.split(/\r\n|\r|\n/);
  const marks = new Map<number, Problem['severity']>();
  for (const p of problems) if (marks.get(p.line) !== 'error') marks.set(p.line, p.severity);
  const width = String(lines.length).length;

  useEffect(() => {
    if (highlight === null) return;
    const line = viewport.current?.querySelector(`[data-line="${highlight}"]`);
    if (line instanceof HTMLElement) line.scrollIntoView({ block: 'center' });
  }, [highlight, text]);

  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" viewportRef={viewport} className="cl-source" role="region" aria-label={label}>
      <pre className="cl-source__pre" style={{ ['--cl-gutter' as string]: `${width + 2}ch` }}>
        {lines.map((content, i) => {
          const n = i + 1;
          return (
            <div
              key={n}
              className="cl-source__line"
              data-line={n}
              data-mark={marks.get(n)}
              data-highlight={highlight === n ? 'true' : undefined}
              aria-current={highlight === n ? 'true' : undefined}
            >
              <span className="cl-source__no" aria-hidden>
                {n}
              </span>
              <code>{content || ' '}</code>
            </div>
          );
        })}
      </pre>
    </ScrollArea.Autosize>
  );
}
