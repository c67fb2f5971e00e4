import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const fixture = resolve(root, 'test/fixtures/layering');

describe('layering rules', () => {
  it('fail the check on each kind of violation', () => {
    const result = spawnSync(
      resolve(root, 'node_modules/.bin/depcruise'),
      ['src-shared', 'src-main', 'src-renderer', '--config', resolve(root, '.dependency-cruiser.cjs')],
      {
        cwd: fixture,
        encoding: 'utf8',
      },
    );
    expect(result.status).not.toBe(0);
    for (const rule of ['shared-is-pure', 'core-knows-no-host', 'renderer-only-through-contract']) expect(result.stdout).toContain(rule);
  });
});
