// The pure rules the storage stand-in shares with Supabase Storage: which keys and bucket names are
// accepted (and which could escape the bucket folder on disk), size strings and mime matching.
import path from 'node:path';
import { DiskStore } from '../disk';
import { isValidBucketName, isValidKey, mimeAllowed, parseFileSizeLimit } from '../keys';
import { parseConfigSize } from '../settings';

describe('object keys', () => {
  it.each(['a.txt', 'folder/sub/file.png', "x!-_.*'() &$@=;:+,?.bin", '.emptyFolderPlaceholder', 'a/.hidden'])('accepts %s', (k) => {
    expect(isValidKey(k)).toBe(true);
  });

  it.each(['', '../x', 'a/../../x', './a', 'a/./b', '/abs', 'a//b', 'a/', 'nul\0x', 'back\\slash', '中文.txt', 'a#b', 'x'.repeat(1025)])(
    'refuses %j',
    (k) => {
      expect(isValidKey(k)).toBe(false);
    },
  );

  it('never maps a valid key outside its bucket folder', () => {
    const store = new DiskStore('/tmp/zx-keys-test');
    const file = store.fileOf('b', 'a/b/c.txt', 'v1');
    expect(file).toBe(path.join('/tmp/zx-keys-test/storage/b/a/b/c.txt/#v1'));
    expect(() => store.fileOf('..', 'x', 'v1')).toThrow();
  });
});

describe('bucket names', () => {
  it('follows Storage: S3-safe characters, no slash, under 64 characters', () => {
    expect(isValidBucketName('avatars')).toBe(true);
    expect(isValidBucketName('my bucket (1)')).toBe(true);
    for (const bad of ['', 'a/b', '..', '.', 'x'.repeat(64), 'a#b']) expect(isValidBucketName(bad)).toBe(false);
  });
});

describe('limits', () => {
  it('parses file_size_limit like the Storage API (decimal units) and config.toml like the CLI (binary)', () => {
    expect(parseFileSizeLimit(1024)).toBe(1024);
    expect(parseFileSizeLimit('20MB')).toBe(20_000_000);
    expect(parseFileSizeLimit('30KB')).toBe(30_000);
    expect(() => parseFileSizeLimit('20 parsecs')).toThrow();
    expect(() => parseFileSizeLimit(-1)).toThrow();
    expect(parseConfigSize('50MiB')).toBe(50 * 1024 * 1024);
    expect(parseConfigSize('5MB')).toBe(5 * 1024 * 1024);
  });

  it('matches mime types exactly or by type wildcard, ignoring parameters', () => {
    expect(mimeAllowed('image/png', ['image/*'])).toBe(true);
    expect(mimeAllowed('text/plain;charset=UTF-8', ['text/plain'])).toBe(true);
    expect(mimeAllowed('application/pdf', ['image/*', 'text/plain'])).toBe(false);
    expect(mimeAllowed('garbage', ['image/*'])).toBe(false);
    expect(mimeAllowed('anything/at-all', null)).toBe(true);
  });
});
