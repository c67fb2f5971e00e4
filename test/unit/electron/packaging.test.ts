import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('flips every fuse as the security model requires', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is valid for the installed electron-builder', async () => {
    // electron-builder's own schema check, as `electron-builder` runs it before packaging.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(c: unknown, d: unknown): Promise<void> };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('names the app, packs into asar with the native modules unpacked, and never rebuilds them itself', () => {
    expect(config.appId).toBe('eu.clearline.console');
    expect(config.productName).toBe('Clearline');
    expect(config.extraMetadata.productName).toBe('Clearline');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/better-sqlite3-multiple-ciphers/**', '**/node_modules/keytar/**']));
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('builds deb and AppImage for Linux and a per-machine NSIS installer for Windows that keeps the data', () => {
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.linux.category).toBe('Office;Finance');
    expect(config.linux.executableName).toBe('clearline-app');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: true, deleteAppDataOnUninstall: false });
    expect(config.linux.extraResources).toEqual([{ from: 'resources/packaging/clearline', to: 'clearline' }]);
    expect(config.win.extraResources).toEqual([{ from: 'resources/packaging/clearline.cmd', to: 'clearline.cmd' }]);
  });

  it('uses only the macros electron-builder defines in the deb scripts, and links /usr/bin/clearline', () => {
    for (const script of [config.deb.afterInstall, config.deb.afterRemove] as string[]) {
      const text = readFileSync(join(root, script), 'utf8');
      const macros = new Set([...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
      expect(
        [...macros].every((name) => ['executable', 'sanitizedProductName', 'productFilename'].includes(name!)),
        script,
      ).toBe(true);
      expect(text).toContain('clearline');
      expect(spawnSync('bash', ['-n', join(root, script)]).status, script).toBe(0);
    }
    expect(readFileSync(join(root, config.deb.afterInstall), 'utf8')).toMatch(/link_command clearline "\$app_dir\/resources\/clearline"/);
  });
});

describe('the clearline launchers', () => {
  it.skipIf(process.platform === 'win32')('the shell launcher runs the app binary in CLI mode with the arguments unchanged, through a symlink', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearline-launcher-'));
    try {
      mkdirSync(join(dir, 'opt', 'resources'), { recursive: true });
      mkdirSync(join(dir, 'bin'));
      writeFileSync(join(dir, 'opt', 'clearline-app'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\nexit 7\n');
      chmodSync(join(dir, 'opt', 'clearline-app'), 0o755);
      writeFileSync(join(dir, 'opt', 'resources', 'clearline'), readFileSync(join(root, 'resources/packaging/clearline')));
      chmodSync(join(dir, 'opt', 'resources', 'clearline'), 0o755);
      symlinkSync(join(dir, 'opt', 'resources', 'clearline'), join(dir, 'bin', 'clearline'));
      const result = spawnSync(join(dir, 'bin', 'clearline'), ['user', 'add', 'two words', '--role', 'admin'], { encoding: 'utf8' });
      expect(result.status).toBe(7);
      const args = result.stdout.trimEnd().split('\n');
      expect(args.slice(args.indexOf('--cli'))).toEqual(['--cli', 'user', 'add', 'two words', '--role', 'admin']);
      expect(args.slice(0, args.indexOf('--cli'))).toEqual(['--ozone-platform=headless', '--disable-gpu']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Windows launcher runs Clearline.exe one folder up in CLI mode and passes on its exit code', () => {
    const text = readFileSync(join(root, 'resources/packaging/clearline.cmd'), 'utf8');
    expect(text).toContain('"%~dp0..\\Clearline.exe" --cli %*');
    expect(text).toContain('exit /b %ERRORLEVEL%');
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true);
  });
});
