/**
 * Makes sure Electron's binary is there before electron-vite runs (used by scripts/start.mjs).
 *
 * Why: the `electron` package (45.x) no longer downloads its binary when npm installs it. It does
 * so lazily: its index.js, on the first `require('electron')`, spawns its install.js (also
 * `npx install-electron`), which downloads the zip through @electron/get (so ELECTRON_MIRROR,
 * electron_config_cache, ELECTRON_GET_USE_PROXY + HTTPS_PROXY, … apply), extracts it into
 * <electron>/dist and only then writes <electron>/path.txt, the executable's path inside dist.
 * electron-vite never requires 'electron': its getElectronPath() takes ELECTRON_EXEC_PATH, else
 * reads path.txt and launches <electron>/dist/<path.txt>, and throws "Electron uninstall" when
 * path.txt is missing. So here we run install.js the same way index.js does, check the file
 * electron-vite will launch, and hand that exact path on as ELECTRON_EXEC_PATH (which
 * electron-vite reads first). "Present" is install.js's own isInstalled() test (dist/version is
 * this package's version, path.txt names this platform's executable, the file exists): when it
 * holds, install.js would download nothing either, so we skip spawning it and start stays fast.
 * The successful path is exercised in scripts/start.test.ts with a fake release served from
 * 127.0.0.1: the real install.js writes dist/ and path.txt, and the path passed on is that file.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside dist/ for this platform, as install.js's getPlatformPath() names it. */
export function platformExecutable(env = process.env) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function enabled(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Where the binary is expected, whether it is there, and which setting decided it. */
function locate(electronDir, env, version) {
  if (env.ELECTRON_EXEC_PATH) {
    return { file: env.ELECTRON_EXEC_PATH, present: existsSync(env.ELECTRON_EXEC_PATH), setBy: 'ELECTRON_EXEC_PATH' };
  }
  const executable = platformExecutable(env);
  const pathTxt = readText(join(electronDir, 'path.txt'));
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // As electron's index.js resolves it (electron-vite ignores this variable).
    const file = join(env.ELECTRON_OVERRIDE_DIST_PATH, pathTxt || executable);
    return { file, present: existsSync(file), setBy: 'ELECTRON_OVERRIDE_DIST_PATH' };
  }
  const file = join(electronDir, 'dist', executable);
  const distVersion = readText(join(electronDir, 'dist', 'version'))?.trim().replace(/^v/, '');
  return { file, present: distVersion === version && pathTxt === executable && existsSync(file), setBy: null };
}

/** Runs the package's install.js with this Node; resolves to its exit code and its stderr. */
function runInstaller(electronDir, env) {
  return new Promise((resolve) => {
    // stderr is kept, not shown: on failure install.js prints a stack trace; we print one message.
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 65536) stderr += chunk;
    });
    child.on('error', (err) => resolve({ code: 127, stderr: err.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

function failure(version, file, problem, fixes) {
  return [
    `start: cannot start the app: Electron ${version} is not installed.`,
    `  Expected its binary at: ${file}`,
    `  ${problem}`,
    '  What to do:',
    ...fixes.map((fix) => `    - ${fix}`),
    '  Then run `npm start` again.',
  ].join('\n');
}

const DOWNLOAD_FIXES = [
  'check the network connection; behind a proxy set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1',
  "or download from a mirror of Electron's releases: set ELECTRON_MIRROR to its URL",
  'or install it by hand: npx install-electron --no (set DEBUG=@electron/get* to see the URL it tries)',
  'if node_modules/electron looks damaged: delete that folder and run `npm ci` again',
];

/**
 * Ensures the binary electron-vite will launch exists, downloading it once when it does not.
 * Resolves to { ok: true, file } (the executable, to pass as ELECTRON_EXEC_PATH) or
 * { ok: false, message } (one message: what is missing, where, why, what to do).
 */
export async function ensureElectronBinary({ electronDir, env = process.env, log = console.log }) {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const before = locate(electronDir, env, version);
  if (before.present) return { ok: true, file: before.file };
  if (before.setBy) {
    return {
      ok: false,
      message: failure(version, before.file, `${before.setBy} is set, so nothing is downloaded, but that file does not exist.`, [
        `point ${before.setBy} at an Electron ${version} build, or unset it to let \`npm start\` download Electron`,
      ]),
    };
  }
  if (enabled(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    return {
      ok: false,
      message: failure(version, before.file, 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.', [
        'unset ELECTRON_SKIP_BINARY_DOWNLOAD to let `npm start` download it (once, about 100 MB)',
        `or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron ${version} build`,
      ]),
    };
  }
  log(`start: downloading Electron ${version} (once, about 100 MB) into ${join(electronDir, 'dist')} …`);
  const { code, stderr } = await runInstaller(electronDir, env);
  const after = locate(electronDir, env, version);
  if (code === 0 && after.present) {
    if (stderr.trim()) process.stderr.write(stderr);
    return { ok: true, file: after.file };
  }
  const firstLine = stderr.split('\n').find((line) => line.trim() !== '')?.trim();
  const cause = firstLine ?? (code === 0 ? 'install.js finished, yet that file is not there' : `install.js exited with code ${code}`);
  return { ok: false, message: failure(version, after.file, `The download failed: ${cause}`, DOWNLOAD_FIXES) };
}
