#!/usr/bin/env node
// The `clearline` command. It runs the built CLI (out/main/cli.js), which `npm install`
// produces through the prepare script; the packaged desktop app runs the same code as a
// mode of its Electron binary (`clearline-app --cli …`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('clearline: the CLI is not built yet; run `npm run build` in the Clearline folder first\n');
  process.exit(1);
}
await import(entry.href);
