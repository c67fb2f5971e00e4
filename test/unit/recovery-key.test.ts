import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { DataKey } from '../../src-main/core/keys/data-key';
import { issueRecoveryKey, parseRecoveryKey, RecoveryKeyFormatError, unwrapWithRecoveryKey, wrapForRecovery } from '../../src-main/core/keys/recovery-key';
import { UnsealError } from '../../src-main/core/keys/aead';

describe('recovery key', () => {
  it('unwraps a data key wrapped to its public half, however it is typed', () => {
    const issued = issueRecoveryKey();
    const key = DataKey.generate();
    const wrap = wrapForRecovery(key, issued.publicKey, 'site-a');
    const retyped = issued.display.toLowerCase().replace(/-/g, ' ');
    expect(unwrapWithRecoveryKey(wrap, retyped, 'site-a').equals(key)).toBe(true);
  });

  it('catches a mistyped character by checksum and a wrong key by authentication', () => {
    const issued = issueRecoveryKey();
    const chars = issued.display.split('');
    const i = issued.display.length - 3;
    chars[i] = chars[i] === 'A' ? 'B' : 'A';
    expect(() => parseRecoveryKey(chars.join(''))).toThrow(RecoveryKeyFormatError);
    const wrap = wrapForRecovery(DataKey.generate(), issued.publicKey, 'site-a');
    expect(() => unwrapWithRecoveryKey(wrap, issueRecoveryKey().display, 'site-a')).toThrow(UnsealError);
    expect(() => unwrapWithRecoveryKey(wrap, issued.display, 'site-b')).toThrow(UnsealError);
  });

  it('never renders the data key in logs or JSON', () => {
    const key = DataKey.generate();
    for (const text of [String(key), JSON.stringify({ key }), inspect(key), `${key}`]) {
      expect(text).not.toContain(key.hex());
      expect(text).toContain(key.id);
    }
  });
});
