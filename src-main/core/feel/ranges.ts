import { compareValues } from './compare';
import type { FeelRange, FeelValue } from './values';

/**
 * Whether a range holds a value (DMN 1.5 §10.3.2.7): each bounded end is compared with the
 * value; an end of another kind makes the answer unknown (null), never true.
 */
export function rangeContains(range: FeelRange, value: FeelValue): boolean | null {
  let unknown = false;
  if (range.start) {
    const c = compareValues(range.start.value, value);
    if (c === null) unknown = true;
    else if (range.start.included ? c > 0 : c >= 0) return false;
  }
  if (range.end) {
    const c = compareValues(value, range.end.value);
    if (c === null) unknown = true;
    else if (range.end.included ? c > 0 : c >= 0) return false;
  }
  return unknown ? null : true;
}
