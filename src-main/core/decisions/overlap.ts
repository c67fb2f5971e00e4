import { isDecimal, toFeel, toFeelLiteral, type Compiled } from '../feel';
import { cellSet, columnDomain, type CellSet } from './cell-sets';
import { columnLabel } from './column-values';
import type { DecisionInput, DecisionTableModel } from './model';
import { intersect, witness, type Interval, type ValueSet } from './value-sets';

/**
 * Overlap analysis: two rules overlap when, in every column, their cells can match a common
 * value. One column whose cells are provably disjoint separates the rules, even if other
 * columns are opaque; a pair that is neither separated nor provably overlapping (because an
 * opaque cell is involved) is undecided.
 */

export interface Overlap {
  first: number;
  second: number;
  /** An input both rules match, e.g. `amount = 10000, currency = "EUR"`. */
  example: string;
}

/** Where the analysis had to give up on a pair: a cell path and how to name it. */
export interface Undecided {
  path: string;
  what: string;
}

export interface OverlapReport {
  overlaps: Overlap[];
  /** The first cell that left a pair undecided. */
  undecided: Undecided | null;
}

/** A value inside an interval, written as FEEL: an included bound, else a number in between, else the interval itself. */
function exampleValue(iv: Interval): string {
  if (iv.lo?.included) return `= ${toFeelLiteral(iv.lo.value)}`;
  if (iv.hi?.included) return `= ${toFeelLiteral(iv.hi.value)}`;
  const lo = iv.lo?.value ?? null;
  const hi = iv.hi?.value ?? null;
  if ((lo === null || isDecimal(lo)) && (hi === null || isDecimal(hi))) {
    const n = lo && hi ? lo.plus(hi).div(2) : lo ? lo.plus(1) : hi ? hi.minus(1) : toFeel(0);
    return `= ${toFeelLiteral(n)}`;
  }
  const open = iv.lo ? `(${toFeelLiteral(iv.lo.value)}` : '(null';
  const close = iv.hi ? `${toFeelLiteral(iv.hi.value)})` : 'null)';
  return `in ${open}..${close}`;
}

/**
 * `conflict(a, b)` says whether an overlap of rules a and b matters: true (UNIQUE: always;
 * ANY: different outputs), false (ANY: equal outputs), or an Undecided when it cannot tell.
 */
export function findOverlaps(
  model: DecisionTableModel,
  when: readonly (readonly (Compiled | null)[])[],
  conflict: (a: number, b: number) => boolean | Undecided,
): OverlapReport {
  const columns = model.inputs.map(columnDomain);
  // Rules with a cell that does not compile are left out: the syntax error is reported already.
  const sets: (CellSet[] | null)[] = when.map((cells) =>
    cells.every((c) => c !== null) ? cells.map((c, i) => cellSet(c as Compiled, columns[i] as ValueSet)) : null,
  );
  const report: OverlapReport = { overlaps: [], undecided: null };
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const x = sets[a];
      const y = sets[b];
      const matters = x && y ? conflict(a, b) : false;
      if (!x || !y || matters === false) continue;
      const parts: string[] = [];
      let separated = false;
      let opaque: Undecided | null = matters === true ? null : matters;
      for (const [c, cx] of x.entries()) {
        const cy = y[c] as CellSet;
        if (cx.kind === 'opaque' || cy.kind === 'opaque') {
          const rule = cx.kind === 'opaque' ? a : b;
          opaque ??= { path: `rules.${rule}.when.${c}`, what: `rule ${rule + 1} column ${c + 1} is not a comparison with constants` };
          continue;
        }
        const common = witness(intersect(cx.set, cy.set));
        if (!common) {
          separated = true;
          break;
        }
        if (!(cx.any && cy.any)) {
          const label = columnLabel(model.inputs[c] as DecisionInput);
          parts.push(common.domain === 'other' ? `${label}: a value of another type` : `${label} ${exampleValue(common.interval)}`);
        }
      }
      if (separated) continue;
      if (opaque) report.undecided ??= opaque;
      else report.overlaps.push({ first: a, second: b, example: parts.length ? parts.join(', ') : 'any input' });
    }
  }
  return report;
}
