import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { contract, type OpName } from '@shared/contract';
import { ROLE_NAMES, ROLE_PERMISSIONS, type Permission, type RoleName } from '@shared/permissions';
import type { Credential } from '../../src-main/core/auth/authenticator';
import { startTestCore, type TestCore } from '../support/core';

let core: TestCore;
let dir: string;
const roleCredentials = new Map<RoleName, Credential>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-contract-'));
  core = await startTestCore(dir);
  for (const role of ROLE_NAMES) roleCredentials.set(role, (await core.userWith([role], `only-${role}`)).credential);
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const ops = Object.keys(contract) as OpName[];
const protectedOps = ops.filter((name) => contract[name].access !== 'public');
const permissionOps = ops.filter((name) => !['public', 'session'].includes(contract[name].access));

async function refusals(op: string) {
  const found = await core.ok<{ items: { action: string; outcome: string; subject: { id: string } | null; payload: Record<string, unknown> }[] }>(
    'audit.search',
    { action: 'access.refused', subjectId: op, limit: 500 },
    core.admin,
  );
  return found.items;
}

/** A value of the wrong type for a field of the input shape, so validation must name it. */
function badInputFor(name: OpName): { input: unknown; field: string } {
  const shape = (contract[name].input as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const field = Object.keys(shape)[0];
  if (!field) return { input: { unexpected: true }, field: '(input)' };
  return { input: { [field]: { not: 'the right type' } }, field };
}

describe('the contract, table-driven over the whole catalogue', () => {
  it('answers 404 for an unknown operation', async () => {
    const result = await core.call('tasks.teleport', {});
    expect(result).toMatchObject({ ok: false, error: { status: 404, code: 'unknown_operation' } });
  });

  it.each(protectedOps)('%s: 401 without a session, and the refusal is audited', async (op) => {
    const result = await core.call(op, {});
    expect(result).toMatchObject({ ok: false, error: { status: 401 } });
    const audited = await refusals(op);
    expect(audited.some((e) => e.outcome === 'refused' && e.payload.status === 401)).toBe(true);
  });

  it.each(permissionOps)('%s: 403 for each role lacking its permission, audited', async (op) => {
    const permission = contract[op].access as Permission;
    const lacking = ROLE_NAMES.filter((role) => !ROLE_PERMISSIONS[role].includes(permission));
    for (const role of lacking) {
      const result = await core.call(op, badInputFor(op).input, roleCredentials.get(role));
      expect(result, `${role} calling ${op}`).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    }
    const audited = await refusals(op);
    expect(audited.filter((e) => e.payload.status === 403 && e.payload.code === 'forbidden').length).toBeGreaterThanOrEqual(lacking.length);
  });

  it.each(ops)('%s: 400 naming the field for a wrongly typed input', async (op) => {
    const permission = contract[op].access;
    const role = ROLE_NAMES.find((r) => permission === 'public' || permission === 'session' || ROLE_PERMISSIONS[r].includes(permission as Permission));
    const { input, field } = badInputFor(op);
    const result = await core.call(op, input, role ? roleCredentials.get(role) : undefined);
    expect(result).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_input' } });
    if (!result.ok) {
      // The field itself, or (for an object given something else) the first of its fields at fault.
      const path = result.error.issues?.[0]?.path ?? '';
      expect(path === field || path.startsWith(`${field}.`), `${path} names ${field}`).toBe(true);
      expect(result.error.message).toContain(field);
    }
  });

  it('never returns fields the contract does not name (no password hash leaves the core)', async () => {
    const list = await core.ok<{ items: Record<string, unknown>[] }>('users.list', {}, core.admin);
    for (const user of list.items)
      expect(Object.keys(user).sort()).toEqual([
        'createdAt',
        'displayName',
        'id',
        'lastSignInAt',
        'locked',
        'mustChangePassword',
        'roles',
        'status',
        'username',
      ]);
    expect(JSON.stringify(list)).not.toMatch(/scrypt\$/);
  });
});
