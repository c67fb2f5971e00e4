import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '@shared/domain/canonical-json';

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units, recursively, without whitespace', () => {
    // RFC 8785 section 3.2.3 sorting example.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect([...canonicalJson(input).matchAll(/:"([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: null })).toBe('{"a":null,"b":[3,{"a":2,"z":1}]}');
  });

  it('writes numbers in ECMAScript shortest form (RFC 8785 appendix B samples)', () => {
    expect(canonicalJson([333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, -0, 1e21, 9007199254740991])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,0,1e+21,9007199254740991]',
    );
  });

  it('escapes strings like JSON.stringify', () => {
    expect(canonicalJson({ s: '\u20ac$\u000f\nA\'B"\\\\"/' })).toBe('{"s":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('refuses what JSON cannot carry instead of dropping it', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
    expect(() => canonicalJson({ s: '\ud800' })).toThrow(/lone surrogate/);
    expect(canonicalJson({ skipped: undefined, kept: 1 })).toBe('{"kept":1}');
  });
});
