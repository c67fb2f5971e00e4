#!/usr/bin/env node
// `npm start`: sets up and starts the console.
//  1. builds Clearline if needed (npm ci already builds it through the prepare script);
//  2. if the data folder holds no site yet, creates one with `clearline init`, asking the
//     operator where the data key is kept (never chosen silently);
//  3. starts the desktop app where the Electron binary is installed, otherwise
//     `clearline serve` on http://127.0.0.1:4780/ for a browser.
// The data folder is $CLEARLINE_DATA_DIR or the platform's user-data folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'clearline.mjs');
const run = (args, options = {}) => spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', ...options });

if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const doctor = spawnSync(process.execPath, [cli, 'doctor', '--json'], { encoding: 'utf8', env: process.env });
const siteExists = !/no Clearline site here/.test(doctor.stdout ?? '');

if (!siteExists) {
  if (!process.stdin.isTTY) {
    console.error('No Clearline site yet. Create one first, choosing where its data key is kept, e.g.:\n  npx clearline init --key-provider keychain   (or passphrase, or keyfile --key-file <path>)');
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  console.log('No Clearline site here yet. Where should the site\'s data key be kept?');
  console.log('  1  the OS keychain (needs a desktop session with a keyring)');
  console.log('  2  wrapped by an operator passphrase (asked at every start)');
  console.log('  3  a key file (service mode; keep it on another volume)');
  const answer = (await rl.question('Choose 1, 2 or 3: ')).trim();
  const args = answer === '1' ? ['--key-provider', 'keychain'] : answer === '2' ? ['--key-provider', 'passphrase'] : answer === '3' ? ['--key-provider', 'keyfile', '--key-file', (await rl.question('Key file path: ')).trim()] : null;
  const siteName = (await rl.question('Site name (shown in the console and in reports): ')).trim() || 'Clearline site';
  rl.close();
  if (!args) {
    console.error('Nothing chosen; no site was created.');
    process.exit(2);
  }
  const init = run(['init', ...args, '--site-name', siteName]);
  if (init.status !== 0) process.exit(init.status ?? 1);
}

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const child = electron ? spawn(electron, [root], { stdio: 'inherit' }) : spawn(process.execPath, [cli, 'serve'], { stdio: 'inherit' });
if (!electron) console.log('(The Electron binary is not installed here, so the console is served to your browser.)');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
