/**
 * `npm start` (scripts/start.mjs): Electron's binary is ensured through the electron package's
 * own install.js before electron-vite runs, and when it cannot be had the user gets one message.
 *
 * Each test runs start() in a child Node against a temp copy of node_modules/electron without
 * dist/ or path.txt (its install.js finds @electron/get through links to the real packages),
 * with a command that prints what it was given instead of electron-vite, and with the download
 * pointed at 127.0.0.1: a closed port, or a local mirror that records requests and serves a
 * fake release. Nothing reaches the network; 'electron' itself is never required.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
/** The executable install.js extracts for this platform (stated here independently of the script). */
const EXECUTABLE =
  process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';

const temps: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A copy of the electron package with no binary: <tmp>/node_modules/electron, plus an empty download cache. */
function electronCopy(): { dir: string; cache: string; tmp: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'patvault-start-'));
  temps.push(tmp);
  const dir = join(tmp, 'node_modules', 'electron');
  const source = join(ROOT, 'node_modules', 'electron');
  cpSync(source, dir, {
    recursive: true,
    filter: (src) => ![join(source, 'dist'), join(source, 'path.txt'), join(source, 'node_modules')].includes(src),
  });
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(ROOT, 'node_modules', scope), join(tmp, 'node_modules', scope), 'junction');
  }
  const cache = join(tmp, 'cache');
  mkdirSync(cache);
  return { dir, cache, tmp };
}

/** This environment minus every Electron/download setting (an .npmrc's electron_mirror would win over ours), plus `extra`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/electron|^debug$/i.test(k)));
  return { ...env, ...extra };
}

/** Stands in for electron-vite: prints the binary it was handed and its arguments. */
const LAUNCH = "console.log('LAUNCH ' + JSON.stringify({ exec: process.env.ELECTRON_EXEC_PATH, args: process.argv.slice(1) })); process.exitCode = 3;";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  launched: { exec: string; args: string[] } | null;
}

/** Runs start({ electronDir, command: LAUNCH, args }) in a child Node with `env`. */
function runStart(electronDir: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<Run> {
  const harness = `import { start } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href)};
process.exitCode = await start(JSON.parse(process.argv[1]));`;
  const options = { electronDir, command: [process.execPath, ['-e', LAUNCH, '--']], args };
  return runNode(process.execPath, ['--input-type=module', '-e', harness, JSON.stringify(options)], env);
}

function runNode(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(node, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('LAUNCH '));
      done({ code, stdout, stderr, launched: line ? JSON.parse(line.slice('LAUNCH '.length)) : null });
    });
  });
}

/** A mirror on 127.0.0.1 that records each request and answers with `serve` (404 when it returns null). */
async function mirror(serve: (url: string) => Buffer | null = () => null): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = serve(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-length': body ? body.length : 0 }).end(body ?? undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

/** A 127.0.0.1 URL nobody listens on: connections are refused at once. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}/`;
}

/** A zip archive of `files`, stored uncompressed (all @electron-internal/extract-zip needs). */
function zip(files: Record<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, data] of Object.entries(files)) {
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made on Unix: the mode below counts
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE((0o100755 << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, fileName, data);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

describe('npm start', () => {
  it('runs scripts/start.mjs (not electron-vite directly, which stops with "Electron uninstall")', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });

  it('when the download is impossible: one message naming the binary and the fix, exit 1, nothing launched', async () => {
    const { dir, cache } = electronCopy();
    const started = Date.now();
    const run = await runStart(dir, cleanEnv({ ELECTRON_MIRROR: await closedPortUrl(), electron_config_cache: cache }));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(run.code).toBe(1);
    expect(run.launched).toBeNull();
    const out = run.stdout + run.stderr;
    expect(out).not.toContain('Electron uninstall');
    expect(out).not.toMatch(/^\s+at /m); // no stack trace
    expect(run.stderr.match(/cannot start the app/g)).toHaveLength(1);
    expect(run.stderr).toContain(`Electron ${VERSION} is not installed`);
    expect(run.stderr).toContain(join(dir, 'dist', EXECUTABLE));
    expect(run.stderr).toContain('The download failed: TypeError: fetch failed');
    for (const fix of ['ELECTRON_MIRROR', 'HTTPS_PROXY', 'npx install-electron --no', 'npm ci']) expect(run.stderr).toContain(fix);
    expect(existsSync(join(dir, 'path.txt'))).toBe(false);
  });

  it('with ELECTRON_SKIP_BINARY_DOWNLOAD set: says so and asks for nothing', async () => {
    const { dir, cache } = electronCopy();
    const server = await mirror();
    const env = cleanEnv({ ELECTRON_MIRROR: server.url, electron_config_cache: cache, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    const run = await runStart(dir, env);
    expect(run.code).toBe(1);
    expect(run.launched).toBeNull();
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded');
    expect(run.stderr).toContain(join(dir, 'dist', EXECUTABLE));
    expect(server.requests).toEqual([]);
  });

  it('with the binary present: launches at once with it, no download, arguments and exit code passed on', async () => {
    const { dir, cache } = electronCopy();
    mkdirSync(dirname(join(dir, 'dist', EXECUTABLE)), { recursive: true });
    writeFileSync(join(dir, 'dist', EXECUTABLE), 'fake electron');
    writeFileSync(join(dir, 'dist', 'version'), `v${VERSION}`);
    writeFileSync(join(dir, 'path.txt'), EXECUTABLE);
    const server = await mirror();
    const run = await runStart(dir, cleanEnv({ ELECTRON_MIRROR: server.url, electron_config_cache: cache }), ['--watch', 'x y']);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('downloading');
    expect(run.launched).toEqual({ exec: join(dir, 'dist', EXECUTABLE), args: ['--watch', 'x y'] });
    expect(run.code).toBe(3);
    expect(server.requests).toEqual([]);
  });

  it('when the download works: the package installer fills dist/ and path.txt, and that binary is launched', async () => {
    // A fake release on a local mirror; checksums from the mirror's SHASUMS256.txt, as
    // electron_use_remote_checksums asks, since checksums.json holds the real zips' hashes.
    const { dir, cache } = electronCopy();
    const release = zip({ [EXECUTABLE]: Buffer.from('fake electron'), version: Buffer.from(`v${VERSION}`) });
    let zipName = '';
    const server = await mirror((url) => {
      if (url.endsWith('.zip')) {
        zipName = basename(url);
        return release;
      }
      if (url.endsWith('/SHASUMS256.txt')) return Buffer.from(`${createHash('sha256').update(release).digest('hex')} *${zipName}\n`);
      return null;
    });
    const env = cleanEnv({ ELECTRON_MIRROR: server.url, electron_config_cache: cache, electron_use_remote_checksums: '1' });
    const run = await runStart(dir, env);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`start: downloading Electron ${VERSION}`);
    expect(server.requests).toEqual([`/v${VERSION}/${zipName}`, `/v${VERSION}/SHASUMS256.txt`]);
    // What install.js wrote is what electron-vite reads: path.txt, then dist/<path.txt>.
    expect(readFileSync(join(dir, 'path.txt'), 'utf8')).toBe(EXECUTABLE);
    expect(readFileSync(join(dir, 'dist', EXECUTABLE), 'utf8')).toBe('fake electron');
    expect(run.launched).toEqual({ exec: join(dir, 'dist', EXECUTABLE), args: [] });

    // The next start finds it and downloads nothing more.
    const again = await runStart(dir, env);
    expect(again.launched?.exec).toBe(join(dir, 'dist', EXECUTABLE));
    expect(server.requests).toHaveLength(2);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron does (electron-vite alone ignores it)', async () => {
    const { dir, cache, tmp } = electronCopy();
    const own = join(tmp, 'my-electron');
    mkdirSync(dirname(join(own, EXECUTABLE)), { recursive: true });
    writeFileSync(join(own, EXECUTABLE), 'fake electron');
    const server = await mirror();
    const env = cleanEnv({ ELECTRON_MIRROR: server.url, electron_config_cache: cache, ELECTRON_OVERRIDE_DIST_PATH: own });
    const run = await runStart(dir, env);
    expect(run.launched?.exec).toBe(join(own, EXECUTABLE));
    expect(server.requests).toEqual([]);

    rmSync(join(own, EXECUTABLE));
    const missing = await runStart(dir, env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Expected its binary at: ${join(own, EXECUTABLE)}`);
    expect(missing.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH is set, so nothing is downloaded');
    expect(server.requests).toEqual([]);
  });
});

/** A Node older than 22.12 on PATH outside this project (a system Node 20, say), or null. */
function olderNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || resolve(dir).startsWith(ROOT)) continue;
    const node = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (!existsSync(node)) continue;
    const [major = 0, minor = 0] = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.split('.').map(Number);
    if (major > 0 && (major < 22 || (major === 22 && minor < 12))) return node;
  }
  return null;
}

describe('scripts/start.mjs run as a script', () => {
  // ELECTRON_EXEC_PATH (electron-vite's own setting) at a missing file: start stops before any
  // download or launch, so the real node_modules/electron is never touched.
  const env = () => cleanEnv({ ELECTRON_EXEC_PATH: join(tmpdir(), 'patvault-no-such-electron'), ELECTRON_MIRROR: 'http://127.0.0.1:9/' });

  it('checks the binary before electron-vite', async () => {
    const run = await runNode(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ELECTRON_EXEC_PATH is set, so nothing is downloaded, but that file does not exist');
  });

  const old = olderNode();
  it.skipIf(old === null)(`under an older Node (${old ?? 'none on PATH'}) re-runs with the project's Node 22`, async () => {
    const run = await runNode(old ?? '', [join(ROOT, 'scripts', 'start.mjs')], env());
    expect(run.stdout).toMatch(/start: Node \d+\.\d+\.\d+ is too old; re-running with node_modules\/node\/bin\/node/);
    expect(run.stderr).toContain('ELECTRON_EXEC_PATH is set'); // start's own check, reached under Node 22
    expect(run.code).toBe(1);

    const test = await runNode(old ?? '', [join(ROOT, 'scripts', 'test.mjs'), '--help'], env());
    expect(test.stdout).toContain('test: Node');
    expect(test.stdout).toContain('usage: npm test');
    expect(test.code).toBe(0);
  });
});
