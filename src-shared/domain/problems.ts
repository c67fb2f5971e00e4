import { z } from 'zod';

/**
 * A problem found while validating a definition, a decision table or an imported file:
 * always with where it is (file, 1-based line and column, and the path inside the
 * document) so the Workflows view and `clearline deploy` can point at it.
 */
export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  /** Stable machine code, e.g. "unknown-step", "feel-syntax", "unique-overlap". */
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** Path inside the document, e.g. "steps.3.next" or "rules.2.inputEntries.0". */
  path: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}]`;
}
