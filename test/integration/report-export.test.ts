import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJob, ReportVerification } from '@shared/contract/evidence';
import type { AuditEvent } from '@shared/domain/audit';
import { toTimestamp } from '@shared/domain/time';
import { VERIFY_COMMANDS } from '../../src-main/core/reports/readme-text';
import { shell } from '../fixtures/reports/tools';
import { runCli } from '../support/cli';
import { startTestCore, startTestCoreOn, type TestCore } from '../support/core';
import { createTestSite } from '../support/site';
import { useTempDirs } from '../support/temp';
import { tmpdir } from 'node:os';

/**
 * Signed report exports end to end: a job through the contract, the folder checked by
 * Clearline and by the public tools an auditor has (sha256sum, openssl, pdfsig), and one
 * flipped byte in any file caught.
 */
const tempDir = useTempDirs();
const LISTED = ['report.pdf', 'events.csv', 'evidence.json', 'manifest-key.pem', 'site-ca.pem', 'README.txt'];
const ALL = [...LISTED, 'manifest.json', 'manifest.sig'];

let core: TestCore;
let root: string;
const progress: { jobId: string; phase: string; status: string }[] = [];

async function appendEvents(count: number, instance: (i: number) => string | null): Promise<void> {
  await core.app.site.store.unit(async (tx) => {
    for (let i = 0; i < count; i++) {
      const id = instance(i);
      await tx.audit.append(
        {
          actor: { kind: 'system', component: 'export-test' },
          action: i % 3 === 0 ? 'task.completed' : 'payment.booked',
          subject: id && i % 3 !== 0 ? { type: 'instance', id } : { type: 'payment', id: `p-${i}` },
          payload: {
            ...(id && i % 3 === 0 ? { instance: id } : {}),
            amount: { value: `${i}.25`, currency: 'EUR' },
            note: i % 7 ? 'ok' : 'Zahlung an Łukasz, "dringend",\r\nRef.',
          },
        },
        toTimestamp(core.clock.now()),
      );
    }
  });
}

async function exportReport(request: Record<string, unknown>): Promise<ReportJob> {
  const { jobId } = await core.ok<{ jobId: string }>('reports.export', request, core.admin);
  for (let i = 0; i < 600; i++) {
    const job = await core.ok<ReportJob>('reports.get', { jobId }, core.admin);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`export ${jobId} did not finish`);
}

const verify = (folder: string) => core.ok<ReportVerification>('reports.verify', { folder }, core.admin);
const failed = (v: ReportVerification) => v.checks.filter((c) => !c.ok).map((c) => c.name);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clearline-export-'));
  core = await startTestCore(join(root, 'core'));
  core.app.events.subscribe((e) => {
    if (e.topic === 'reports.progress') progress.push(e.payload as { jobId: string; phase: string; status: string });
  });
  await appendEvents(1_500, (i) => (i % 5 === 0 ? 'inst-1' : null));
});

afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a period report export', () => {
  let job: ReportJob;
  let folder: string;

  beforeAll(async () => {
    folder = join(root, 'period');
    job = await exportReport({ kind: 'period', from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', targetDir: folder });
  });

  it('runs as a job with progress, a checkpoint, and an audit event', async () => {
    expect(job).toMatchObject({ status: 'done', phase: 'done', folder, error: null });
    expect(job.eventCount).toBeGreaterThan(1_500);
    expect(job.checkpoint?.treeSize).toBeGreaterThanOrEqual(job.eventCount as number);
    expect(job.files.map((f) => f.name).sort()).toEqual([...ALL].sort());
    expect(readdirSync(folder).sort()).toEqual([...ALL].sort());
    const phases = progress.filter((p) => p.jobId === job.id).map((p) => p.phase);
    expect(phases[0]).toBe('checkpoint');
    expect(phases).toEqual(expect.arrayContaining(['events', 'pdf', 'manifest', 'done']));
    const audited = await core.ok<{ items: AuditEvent[] }>('audit.search', { action: 'report.', limit: 10 }, core.admin);
    expect(audited.items.map((e) => e.action)).toEqual(expect.arrayContaining(['report.export-started', 'report.exported']));
    const listed = await core.ok<{ items: ReportJob[] }>('reports.list', {}, core.admin);
    expect(listed.items.map((j) => j.id)).toContain(job.id);
  });

  it('verifies with Clearline, including the checkpoint signature and the proof of the events', async () => {
    const result = await verify(folder);
    expect(failed(result)).toEqual([]);
    expect(result.checks.find((c) => c.name === 'evidence.json proof against the checkpoint')?.detail).toMatch(/are those at their positions/);
    const settings = await core.ok<{ signingKey: { fingerprint: string; publicKey: string } }>('evidence.settings', {}, core.admin);
    expect(readFileSync(join(folder, 'README.txt'), 'utf8')).toContain(settings.signingKey.fingerprint);
    const withKey = await core.ok<ReportVerification>('reports.verify', { folder, publicKey: settings.signingKey.publicKey }, core.admin);
    expect(withKey.ok).toBe(true);
  });

  it('verifies with sha256sum, openssl and pdfsig alone', async () => {
    const sums = shell(VERIFY_COMMANDS.fileHashes, folder);
    expect(sums.code, sums.output).toBe(0);
    expect(sums.output.match(/: OK$/gm)).toHaveLength(LISTED.length);
    const signature = shell(VERIFY_COMMANDS.manifestSignature, folder);
    expect(signature.output).toContain('Signature Verified Successfully');
    const settings = await core.ok<{ signingKey: { fingerprint: string } }>('evidence.settings', {}, core.admin);
    expect(shell(VERIFY_COMMANDS.manifestKeyFingerprint, folder).output).toContain(settings.signingKey.fingerprint);
    const pdf = shell(VERIFY_COMMANDS.pdfSignature, folder).output;
    expect(pdf).toContain('Signature is Valid');
    expect(pdf).toContain('Total document signed');
    const trusted = shell(`${VERIFY_COMMANDS.nssCreate} && ${VERIFY_COMMANDS.nssImport} && ${VERIFY_COMMANDS.pdfTrusted}; rm -rf "$NSSDB"`, folder).output;
    expect(trusted).toContain('Certificate is Trusted');
    // The README's section "Verify a report without Clearline" gives these very commands.
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const { dataHashes: _shownOnPage1, ...commands } = VERIFY_COMMANDS;
    for (const command of Object.values(commands)) expect(readme).toContain(command);
  });

  it.each(ALL)('one flipped byte in %s fails verification', async (name) => {
    const copy = join(root, `flipped-${name}`);
    cpSync(folder, copy, { recursive: true });
    const path = join(copy, name);
    const bytes = readFileSync(path);
    const offset = name === 'report.pdf' ? Math.floor(bytes.length / 3) : Math.floor(bytes.length / 2);
    bytes[offset] = (bytes[offset] as number) ^ 0x01;
    writeFileSync(path, bytes);
    const result = await verify(copy);
    expect(result.ok).toBe(false);
    // …and the public tools see it too: a listed file fails sha256sum, the manifest or its signature fails openssl.
    if (LISTED.includes(name)) expect(shell(VERIFY_COMMANDS.fileHashes, copy).output).toContain(`${name}: FAILED`);
    else expect(shell(VERIFY_COMMANDS.manifestSignature, copy).output).not.toContain('Signature Verified Successfully');
  });
});

describe('instance and control reports', () => {
  it('an instance report holds the scattered events of one instance, proven as a subset of the signed tree', async () => {
    const job = await exportReport({ kind: 'instance', instanceId: 'inst-1', targetDir: join(root, 'instance') });
    expect(job.status, job.error ?? '').toBe('done');
    expect(job.eventCount).toBe(300);
    const result = await verify(job.folder);
    expect(failed(result)).toEqual([]);
  });

  it('a control report with no events still verifies', async () => {
    const job = await exportReport({
      kind: 'control',
      control: 'break-glass',
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      targetDir: join(root, 'control'),
    });
    expect(job).toMatchObject({ status: 'done', eventCount: 0 });
    expect(failed(await verify(job.folder))).toEqual([]);
  });

  it('shows a job whose process stopped as interrupted', async () => {
    const at = toTimestamp(core.clock.now() - 10 * 60_000);
    await core.app.site.store.unit((tx) =>
      tx.reportJobs.insert({
        id: '00000000-0000-7000-8000-000000000001',
        request: { kind: 'instance', instanceId: 'inst-1' },
        title: 'Instance evidence: inst-1',
        requestedBy: 'admin',
        requestedById: 'u',
        requestedAt: at,
        status: 'running',
        phase: 'events',
        done: 10,
        total: 300,
        folder: join(root, 'never-published'),
        eventCount: null,
        checkpoint: null,
        files: [],
        error: null,
        heartbeatAt: at,
        finishedAt: null,
      }),
    );
    const job = await core.ok<ReportJob>('reports.get', { jobId: '00000000-0000-7000-8000-000000000001' }, core.admin);
    expect(job.status).toBe('interrupted');
  });

  it('refuses a bad request naming the field', async () => {
    const unknown = await core.call('reports.export', { kind: 'instance', instanceId: 'no-such-instance' }, core.admin);
    expect(unknown.ok).toBe(false);
    expect(JSON.stringify(!unknown.ok && unknown.error)).toMatch(/instanceId/);
    mkdirSync(join(root, 'busy'));
    writeFileSync(join(root, 'busy', 'x'), 'x');
    const busy = await core.call(
      'reports.export',
      { kind: 'period', from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', targetDir: join(root, 'busy') },
      core.admin,
    );
    expect(JSON.stringify(!busy.ok && busy.error)).toMatch(/targetDir/);
  });
});

describe('the CLI', () => {
  it('exports with a progress line, verifies the folder, and verifies the trail', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    const token = await startTestCoreOn(site);
    const base = ['--data-dir', site.paths.dataDir];
    const env = { CLEARLINE_TOKEN: token };
    const folder = join(dir, 'report');
    const exported = await runCli(
      [...base, 'report', 'export', '--period', '--from', '2026-01-01T00:00:00.000Z', '--to', '2100-01-01T00:00:00.000Z', '--output', folder],
      { env },
    );
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/exporting: checkpoint/);
    expect(exported.stdout).toContain(`Report written to ${folder}`);
    const verified = await runCli([...base, 'report', 'verify', folder], { env });
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('VERIFIED: every check passed');
    const bytes = readFileSync(join(folder, 'events.csv'));
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0x01;
    writeFileSync(join(folder, 'events.csv'), bytes);
    const broken = await runCli([...base, 'report', 'verify', folder], { env });
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(/FAILED events\.csv SHA-256/);
    const trail = await runCli([...base, 'audit', 'verify']);
    expect(trail.code, trail.stdout).toBe(0);
    expect(trail.stdout).toMatch(/VERIFIED/);
  });
});
