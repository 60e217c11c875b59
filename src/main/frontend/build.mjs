// Bundles the pages (src/*.js, one entry per page) with esbuild into the application's static assets.
// Called by the Maven build (exec-maven-plugin, phase generate-resources) as `npm run build`, with
// GGG_ASSETS_DIR = target/classes/static/assets. Installs the locked dependencies first (`npm ci`) when
// node_modules is missing or was installed from another package-lock.json, so an unchanged checkout builds
// in about a second and a fresh one installs exactly what the lock file says.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.env.GGG_ASSETS_DIR || resolve(here, '../../../target/classes/static/assets'));

const lockHash = createHash('sha256').update(readFileSync(resolve(here, 'package-lock.json'))).digest('hex');
const stamp = resolve(here, 'node_modules/.installed-from-lock');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('[pages] npm ci (node_modules missing or from another package-lock.json)');
  // @carbon/grid and @carbon/layout (under @bpmn-io/form-js-viewer) start IBM's telemetry on install, a background
  // process that reports the installing project to www-api.ibm.com; a government system's build sends nothing.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: here, stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' },
  });
  writeFileSync(stamp, lockHash);
}

const esbuild = await import('esbuild');
const pages = ['tasks', 'done', 'task', 'project', 'projects', 'applications', 'meetings', 'notifications'];
const started = Date.now();
await esbuild.build({
  absWorkingDir: here,
  entryPoints: pages.map((p) => `src/${p}.js`),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['chrome109', 'firefox115', 'safari15'],
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'files/[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log(`[pages] ${pages.length} pages bundled into ${outdir} in ${Date.now() - started} ms`);
