import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the FEEL evaluator and decision tables', () => {
  it('never compile JavaScript at run time (no eval, no Function constructor)', () => {
    const files = [...sources(join(root, 'src-main/core/feel')), ...sources(join(root, 'src-main/core/decisions'))];
    expect(files.length).toBeGreaterThan(10);
    const forbidden = /\beval\s*\(|\bnew\s+Function\b|(?<![\w.])Function\s*\(|\bvm\.|from ['"]node:vm['"]|setTimeout\s*\(\s*['"`]/;
    const offenders = files.filter((file) => forbidden.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
