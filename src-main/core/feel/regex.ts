import { FeelEvaluationError } from './errors';

/**
 * Regular expressions for matches(), replace() and split(). FEEL uses XML Schema / XPath
 * regular expressions; JavaScript's engine backtracks, so a pattern such as `(a+)+$` on a
 * long input can hang the worker. Patterns are therefore refused when too long or when a
 * quantified group itself contains a quantifier (star height above one, the shape of
 * every classic catastrophic pattern), and inputs are capped in length.
 */

const MAX_PATTERN_LENGTH = 500;
const MAX_INPUT_LENGTH = 100_000;

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

/** True when some group with a quantifier after it contains a quantifier (or alternation that can repeat). */
function hasNestedQuantifier(pattern: string): boolean {
  const stack: { quantified: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      stack.push({ quantified: false });
      // "(?:", "(?=", "(?!", "(?<name>": the "?" opens a group kind, it is no quantifier.
      const kind = /^\?(?:[:=!]|<[=!]|<[^>]*>)?/.exec(pattern.slice(i + 1));
      if (kind) i += kind[0].length;
    } else if (c === ')') {
      const group = stack.pop();
      if (group?.quantified && QUANTIFIER.test(pattern.slice(i + 1))) return true;
      // A quantifier inside propagates to the enclosing group.
      if (group?.quantified && stack.length > 0) (stack.at(-1) as { quantified: boolean }).quantified = true;
    } else if (QUANTIFIER.test(pattern.slice(i)) && stack.length > 0) {
      (stack.at(-1) as { quantified: boolean }).quantified = true;
    }
  }
  return false;
}

function refuse(message: string): FeelEvaluationError {
  return new FeelEvaluationError('REGEX_REFUSED', message, 0, 0);
}

/** XPath flags (s, m, i, x, q) to a JavaScript RegExp; null for an invalid pattern or flag (FEEL null). */
export function compileRegex(pattern: string, flags: string | null, input: string, global = false): RegExp | null {
  if (pattern.length > MAX_PATTERN_LENGTH) throw refuse(`regular expression longer than ${MAX_PATTERN_LENGTH} characters`);
  if (input.length > MAX_INPUT_LENGTH) throw refuse(`input to a regular expression longer than ${MAX_INPUT_LENGTH} characters`);
  let source = pattern;
  let jsFlags = global ? 'gu' : 'u';
  for (const flag of flags ?? '') {
    if (flag === 's' || flag === 'm' || flag === 'i') jsFlags += flag;
    else if (flag === 'x') source = source.replace(/\s+/g, '');
    else if (flag === 'q') source = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else return null;
  }
  if (hasNestedQuantifier(source)) throw refuse(`regular expression "${pattern}" has a repeated group that repeats (catastrophic backtracking); simplify it`);
  try {
    return new RegExp(source, [...new Set(jsFlags)].join(''));
  } catch {
    return null;
  }
}

/** An XPath replacement string ("$1", "\$", "\\") in JavaScript's syntax; null when malformed. */
export function replacement(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== '\\' && next !== '$') return null;
      out += next === '$' ? '$$' : '\\';
      i++;
    } else if (c === '$') {
      const digits = /^\d+/.exec(text.slice(i + 1));
      if (!digits) return null;
      out += `$${digits[0]}`;
      i += digits[0].length;
    } else out += c;
  }
  return out;
}
