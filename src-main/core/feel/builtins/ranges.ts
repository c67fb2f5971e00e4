import { compareValues } from '../compare';
import { FeelRange, type FeelValue } from '../values';
import { builtin, type Group } from './define';

/**
 * Range functions (DMN 1.5 §10.3.4.9, Allen's interval relations) on points and ranges.
 * An unbounded end (from `< 10`) is below or above every point. Comparisons that cannot be
 * made (points of different kinds) make the answer null, in three-valued logic.
 */

const LOW = Symbol('unbounded start');
const HIGH = Symbol('unbounded end');
type Bound = FeelValue | typeof LOW | typeof HIGH;
type B = boolean | null;

interface View {
  s: Bound;
  si: boolean;
  e: Bound;
  ei: boolean;
}

function view(r: FeelRange): View {
  return { s: r.start ? r.start.value : LOW, si: r.start?.included ?? false, e: r.end ? r.end.value : HIGH, ei: r.end?.included ?? false };
}

function cmp(a: Bound, b: Bound): number | null {
  if (a === b && (a === LOW || a === HIGH)) return 0;
  if (a === LOW || b === HIGH) return -1;
  if (a === HIGH || b === LOW) return 1;
  return compareValues(a, b);
}

const lt = (a: Bound, b: Bound): B => (cmp(a, b) === null ? null : (cmp(a, b) as number) < 0);
const gt = (a: Bound, b: Bound): B => (cmp(a, b) === null ? null : (cmp(a, b) as number) > 0);
const eq = (a: Bound, b: Bound): B => (cmp(a, b) === null ? null : cmp(a, b) === 0);
const and = (...xs: B[]): B => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or = (...xs: B[]): B => (xs.includes(true) ? true : xs.includes(null) ? null : false);

interface Forms {
  pp?: (a: FeelValue, b: FeelValue) => B;
  pr?: (p: FeelValue, r: View) => B;
  rp?: (r: View, p: FeelValue) => B;
  rr?: (a: View, b: View) => B;
}

/** Declares a relation with the parameter names of each form it has; the form is chosen by the arguments' kinds. */
function relation(name: string, forms: Forms) {
  const signatures: string[][] = [];
  if (forms.pp) signatures.push(['point1', 'point2']);
  if (forms.pr) signatures.push(['point', 'range']);
  if (forms.rp) signatures.push(['range', 'point']);
  if (forms.rr) signatures.push(['range1', 'range2']);
  // Named arguments arrive in the order of the signature they name, so the form can always be read from the arguments' kinds.
  return builtin(name, signatures, (args) => {
    const [a, b] = args as [FeelValue, FeelValue];
    if (a === null || b === null) return null;
    const aRange = a instanceof FeelRange;
    const bRange = b instanceof FeelRange;
    if (aRange && bRange) return forms.rr ? forms.rr(view(a as FeelRange), view(b as FeelRange)) : null;
    if (aRange) return forms.rp ? forms.rp(view(a as FeelRange), b) : null;
    if (bRange) return forms.pr ? forms.pr(a, view(b as FeelRange)) : null;
    return forms.pp ? forms.pp(a, b) : null;
  });
}

const includesPoint = (r: View, p: FeelValue): B => or(and(lt(r.s, p), gt(r.e, p)), and(eq(r.s, p), r.si), and(eq(r.e, p), r.ei));
const includesRange = (a: View, b: View): B => and(or(lt(a.s, b.s), and(eq(a.s, b.s), a.si || !b.si)), or(gt(a.e, b.e), and(eq(a.e, b.e), a.ei || !b.ei)));
const overlapsBefore = (a: View, b: View): B =>
  and(
    or(lt(a.s, b.s), and(eq(a.s, b.s), a.si && !b.si)),
    or(gt(a.e, b.s), and(eq(a.e, b.s), a.ei && b.si)),
    or(lt(a.e, b.e), and(eq(a.e, b.e), !a.ei || b.ei)),
  );
const finishesPoint = (p: FeelValue, r: View): B => and(r.ei, eq(r.e, p));
const finishesRange = (a: View, b: View): B => and(a.ei === b.ei, eq(a.e, b.e), or(gt(a.s, b.s), and(eq(a.s, b.s), !a.si || b.si)));
const startsPoint = (p: FeelValue, r: View): B => and(r.si, eq(r.s, p));
const startsRange = (a: View, b: View): B => and(eq(a.s, b.s), a.si === b.si, or(lt(a.e, b.e), and(eq(a.e, b.e), !a.ei || b.ei)));

export const rangeFunctions: Group = [
  relation('before', {
    pp: (a, b) => lt(a, b),
    pr: (p, r) => or(lt(p, r.s), and(eq(p, r.s), !r.si)),
    rp: (r, p) => or(lt(r.e, p), and(eq(r.e, p), !r.ei)),
    rr: (a, b) => or(lt(a.e, b.s), and(eq(a.e, b.s), !(a.ei && b.si))),
  }),
  relation('after', {
    pp: (a, b) => gt(a, b),
    pr: (p, r) => or(gt(p, r.e), and(eq(p, r.e), !r.ei)),
    rp: (r, p) => or(gt(r.s, p), and(eq(r.s, p), !r.si)),
    rr: (a, b) => or(gt(a.s, b.e), and(eq(a.s, b.e), !(a.si && b.ei))),
  }),
  relation('meets', { rr: (a, b) => and(a.ei, b.si, eq(a.e, b.s)) }),
  relation('met by', { rr: (a, b) => and(a.si, b.ei, eq(a.s, b.e)) }),
  relation('overlaps', {
    rr: (a, b) => and(or(gt(a.e, b.s), and(eq(a.e, b.s), a.ei, b.si)), or(lt(a.s, b.e), and(eq(a.s, b.e), a.si, b.ei))),
  }),
  relation('overlaps before', { rr: overlapsBefore }),
  relation('overlaps after', { rr: (a, b) => overlapsBefore(b, a) }),
  relation('finishes', { pr: finishesPoint, rr: finishesRange }),
  relation('finished by', { rp: (r, p) => finishesPoint(p, r), rr: (a, b) => finishesRange(b, a) }),
  relation('includes', { rp: includesPoint, rr: includesRange }),
  relation('during', { pr: (p, r) => includesPoint(r, p), rr: (a, b) => includesRange(b, a) }),
  relation('starts', { pr: startsPoint, rr: startsRange }),
  relation('started by', { rp: (r, p) => startsPoint(p, r), rr: (a, b) => startsRange(b, a) }),
  relation('coincides', {
    pp: (a, b) => eq(a, b),
    rr: (a, b) => and(eq(a.s, b.s), a.si === b.si, eq(a.e, b.e), a.ei === b.ei),
  }),
];
