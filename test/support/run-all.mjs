#!/usr/bin/env node
// `npm test`: every check in one run, ending with the single line "N passed, N failed".
// Steps: type checks (shared, node, web), the layering rules, the build, unit and
// integration tests (Vitest), end-to-end tests (Playwright in Debian's Chromium), and the
// quick sizes of the benchmarks. Each type check, the layering check, the build and each
// benchmark count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const reports = join(root, '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
  process.stdout.write(`\n── ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${title} failed\n`);
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

for (const project of ['shared', 'node', 'web']) check(`type check (${project})`, bin('tsc'), ['-p', `tsconfig.${project}.json`]);
check('layering rules', bin('depcruise'), ['src-shared', 'src-main', 'src-renderer', '--config', '.dependency-cruiser.cjs']);
check('build', bin('electron-vite'), ['build']);

const vitestReport = join(reports, 'vitest.json');
const vitestOk = run('unit and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A run that failed without a failed test (a configuration error, an error outside any
  // test, a file that did not load) is one failure, never a silent pass.
  if (!vitestOk && report.numFailedTests === 0) {
    failed += 1;
    process.stdout.write('✗ vitest failed outside any test\n');
  }
} else {
  failed += 1;
  process.stdout.write('✗ vitest wrote no report\n');
}

const hasE2e = existsSync(join(root, 'test/e2e')) && readdirSync(join(root, 'test/e2e')).some((f) => f.endsWith('.spec.ts'));
if (hasE2e) {
  const e2eReport = join(reports, 'playwright.json');
  const e2eOk = run('end-to-end tests (Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
  if (existsSync(e2eReport)) {
    const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    if (!e2eOk && stats.unexpected === 0) {
      failed += 1;
      process.stdout.write('✗ playwright failed outside any test\n');
    }
  } else {
    failed += 1;
    process.stdout.write('✗ playwright wrote no report\n');
  }
}

// The benchmarks' quick sizes: they must run to the end (figures are printed, not asserted:
// a timed assertion would fail on a loaded machine; the README keeps the full figures).
for (const bench of ['engine', 'audit', 'tasks-list']) check(`${bench} benchmark (quick)`, bin('tsx'), ['--tsconfig', 'tsconfig.node.json', `bench/${bench}.ts`, '--quick']);

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
