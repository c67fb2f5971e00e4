import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import type { DataKey } from '../core/keys/data-key';
import type { KeyProviderContext } from '../core/keys/key-provider';
import { UsageError } from './exit-codes';

/** Reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(
      new UsageError(
        `${question.replace(/:\s*$/, '')} is needed, but there is no terminal to ask on: provide it with the option or environment variable named in --help`,
      ),
    );
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stderr.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

function fromFile(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}

export interface SecretSources {
  passphraseFile?: string;
  newPassphraseFile?: string;
  newKeyFile?: string;
}

/**
 * The key-provider context of a CLI process: passphrases come from a file option, an
 * environment variable (for service managers), or a hidden prompt, in that order. A new
 * key for the env provider is printed on stdout, once.
 */
export function cliKeyContext(sources: SecretSources, which: 'current' | 'new' = 'current'): KeyProviderContext {
  const file = which === 'new' ? sources.newPassphraseFile : sources.passphraseFile;
  const variable = which === 'new' ? 'CLEARLINE_NEW_PASSPHRASE' : 'CLEARLINE_PASSPHRASE';
  return {
    env: process.env,
    ...(sources.newKeyFile ? { newKeyFile: sources.newKeyFile } : {}),
    async passphrase({ purpose, confirm }) {
      if (file) return fromFile(file);
      const fromEnv = process.env[variable];
      if (fromEnv) return fromEnv;
      const first = await promptHidden(`Enter the ${purpose}: `);
      if (confirm && (await promptHidden(`Repeat the ${purpose}: `)) !== first) throw new UsageError('the two passphrases differ; nothing was changed');
      return first;
    },
    revealKey(key: DataKey, instructions: string) {
      process.stdout.write(`\nData key (shown once): ${key.hex()}\n${instructions}\n\n`);
    },
  };
}
