import { describe, expect, it } from 'vitest';
import { feel } from './feel-helpers';

describe('string built-ins', () => {
  it('substring, length and case', () => {
    expect(feel('substring("foobar", 3)')).toBe('obar');
    expect(feel('substring("foobar", 3, 3)')).toBe('oba');
    expect(feel('substring("foobar", -2, 1)')).toBe('a');
    expect(feel('substring("f🐎bar", 2, 1)')).toBe('🐎');
    expect(feel('string length("f🐎")')).toBe(2);
    expect(feel('upper case("aBc")')).toBe('ABC');
    expect(feel('lower case("aBc")')).toBe('abc');
  });

  it('substring before and after, contains, starts with, ends with', () => {
    expect(feel('substring before("foobar", "bar")')).toBe('foo');
    expect(feel('substring before("foobar", "xyz")')).toBe('');
    expect(feel('substring after("foobar", "ob")')).toBe('ar');
    expect(feel('contains("foobar", "ob")')).toBe(true);
    expect(feel('starts with("foobar", "fo")')).toBe(true);
    expect(feel('ends with("foobar", "r")')).toBe(true);
    expect(feel('contains("foobar", 1)')).toBeNull();
  });

  it('matches, replace and split with XPath regular expressions', () => {
    expect(feel('matches("INV-2026-001", "^INV-\\d{4}-\\d{3}$")')).toBe(true);
    expect(feel('matches("abc", "B", "i")')).toBe(true);
    expect(feel('matches("abc", "[")')).toBeNull();
    expect(feel('replace("abcd", "(ab)|(a)", "[1=$1][2=$2]")')).toBe('[1=ab][2=]cd');
    expect(feel('replace("a.b.c", ".", "-", "q")')).toBe('a-b-c');
    expect(feel('replace("price", "p", "\\$")')).toBe('$rice');
    expect(feel('split("John Doe", "\\s")')).toEqual(['John', 'Doe']);
    expect(feel('split("a;b;;c", ";")')).toEqual(['a', 'b', '', 'c']);
    expect(feel('split("a1b2c", "(\\d)")')).toEqual(['a', 'b', 'c']);
  });

  it('refuses regular expressions prone to catastrophic backtracking', () => {
    expect(() => feel('matches(x, "(a+)+$")', { x: `${'a'.repeat(40)}!` })).toThrow(expect.objectContaining({ code: 'REGEX_REFUSED' }));
    expect(() => feel('replace(x, "(\\w*)*b", "")', { x: 'a' })).toThrow(expect.objectContaining({ code: 'REGEX_REFUSED' }));
    expect(() => feel('matches("a", p)', { p: 'a'.repeat(501) })).toThrow(expect.objectContaining({ code: 'REGEX_REFUSED' }));
    expect(() => feel('matches(x, "a")', { x: 'a'.repeat(100_001) })).toThrow(expect.objectContaining({ code: 'REGEX_REFUSED' }));
    expect(feel('matches("ab", "(?:ab)+")')).toBe(true);
  });

  it('string join', () => {
    expect(feel('string join(["a", null, "c"], ", ")')).toBe('a, c');
    expect(feel('string join(["a", "b"])')).toBe('ab');
    expect(feel('string join(["a", 1])')).toBeNull();
  });
});
