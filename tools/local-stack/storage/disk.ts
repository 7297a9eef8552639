// The bytes: a file-system backend laid out like Storage's file backend, one file per object
// version at `<dataDir>/storage/<bucket>/<key>/#<version>`. Keeping the key as a folder lets both
// `a` and `a/b` exist (as on Storage); `#` cannot appear in a valid key, so a version file never
// collides with a key segment. Every path is checked to stay inside the bucket folder.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class DiskStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'storage');
  }

  /** Absolute file of one object version; throws if a key would escape its bucket folder. */
  fileOf(bucket: string, key: string, version: string): string {
    const bucketDir = path.resolve(this.root, bucket);
    const file = path.resolve(bucketDir, ...key.split('/'), `#${version}`);
    if (path.dirname(bucketDir) !== this.root || !file.startsWith(bucketDir + path.sep)) {
      throw new Error(`refusing path outside the storage folder: ${bucket}/${key}`);
    }
    return file;
  }

  /** A fresh temp file inside the store (same file system, so rename is atomic); `#` keeps it apart from bucket folders. */
  tempFile(): string {
    const dir = path.join(this.root, '#tmp');
    fs.mkdirSync(dir, { recursive: true });
    return path.join(dir, randomUUID());
  }

  async place(temp: string, bucket: string, key: string, version: string): Promise<void> {
    const file = this.fileOf(bucket, key, version);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.rename(temp, file);
  }

  async copy(from: { bucket: string; key: string; version: string }, to: { bucket: string; key: string; version: string }): Promise<void> {
    const src = this.fileOf(from.bucket, from.key, from.version);
    const dst = this.fileOf(to.bucket, to.key, to.version);
    await fs.promises.mkdir(path.dirname(dst), { recursive: true });
    await fs.promises.copyFile(src, dst);
  }

  exists(bucket: string, key: string, version: string): boolean {
    return fs.existsSync(this.fileOf(bucket, key, version));
  }

  read(bucket: string, key: string, version: string, range?: { start: number; end: number }): fs.ReadStream {
    return fs.createReadStream(this.fileOf(bucket, key, version), range);
  }

  /** Deletes one version and prunes the folders it leaves empty (best effort, never throws). */
  async remove(bucket: string, key: string, version: string | null | undefined): Promise<void> {
    if (!version) return;
    try {
      const file = this.fileOf(bucket, key, version);
      await fs.promises.rm(file, { force: true });
      const bucketDir = path.resolve(this.root, bucket);
      for (let dir = path.dirname(file); dir.startsWith(bucketDir + path.sep); dir = path.dirname(dir)) {
        if ((await fs.promises.readdir(dir)).length > 0) break;
        await fs.promises.rmdir(dir);
      }
    } catch {
      // a leftover file is harmless: metadata no longer points at it
    }
  }

  async removeTemp(temp: string | undefined): Promise<void> {
    if (temp) await fs.promises.rm(temp, { force: true }).catch(() => undefined);
  }

  async removeBucket(bucket: string): Promise<void> {
    const dir = path.resolve(this.root, bucket);
    if (path.dirname(dir) !== this.root) return;
    await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
