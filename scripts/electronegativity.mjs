#!/usr/bin/env node
/**
 * Runs @doyensec/electronegativity (Electron security anti-patterns) over the app's sources:
 * electron/main, electron/preload, renderer/index.html and renderer/src — not build output,
 * not node_modules, not tests. Every check is enabled.
 *
 * Fails on:
 *   - any HIGH finding;
 *   - any MEDIUM finding whose check is not in the allowlist kept in README.md under
 *     "### Electronegativity review findings" (one line per check: "- `CHECK_ID` — reason", or
 *     for a file-scoped check "- `CHECK_ID` (path/one.ts) — reason");
 *   - a MEDIUM finding of a file-scoped check outside the files its entry names;
 *   - an allowlist entry that is not one of the review-type checks below (those flag code
 *     that merely exists in every app with a preload, for a human to look at), nor a
 *     file-scoped one named with its files, or has no reason;
 *   - a source file electronegativity could not parse (it would be silently unchecked).
 * LOW and INFORMATIONAL findings are printed, not fatal.
 *
 * Offline and deterministic: electronegativity fetches translations and Electron's release
 * list from the network. Here its locale loader uses the English strings it ships, and its
 * HTTP client fails at once as if offline: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK still runs,
 * on the release list it may have cached earlier, else it reports nothing (Electron updates are
 * npm's and Dependabot's job). No check is disabled.
 *
 *   node scripts/electronegativity.mjs            (also run by `npm test`, after lint)
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const README = join(ROOT, 'README.md');
const ALLOWLIST_HEADING = '### Electronegativity review findings';

/** What is scanned, relative to the root. Folders are walked; tests and declarations skipped. */
const SOURCES = ['electron/main', 'electron/preload', 'renderer/index.html', 'renderer/src'];
const SKIP = [/\.test\.[cm]?[jt]sx?$/, /\.spec\.[cm]?[jt]sx?$/, /(^|[\\/])(out|dist|node_modules|__tests__|test-support)([\\/]|$)/];

/**
 * Checks that fire on the mere presence of a feature every app with a preload has, asking for
 * a review rather than reporting a flaw. Only these may be allowlisted (with a reason).
 */
const REVIEW_ONLY_CHECKS = new Set(['PRELOAD_JS_CHECK']);

/**
 * Checks that flag a pattern worth a human review wherever it appears, and that the app needs in
 * exactly one reviewed place: they may be allowlisted only for the files their entry names, so
 * the same pattern anywhere else still fails. OPEN_EXTERNAL_JS_CHECK fires on any
 * shell.openExternal whose argument is not a literal; the app's one is the token-page opener,
 * whose URL main builds itself (README explains the policy).
 */
const FILE_SCOPED_CHECKS = new Set(['OPEN_EXTERNAL_JS_CHECK']);

const require = createRequire(import.meta.url);

/** Replaces electronegativity's locale loader (which downloads translations) with an offline one. */
function installOfflineLocales() {
  const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const localesDir = join(pkgDir, 'dist', 'locales');
  const i18nPath = join(localesDir, 'i18n.js');
  const i18n = createRequire(i18nPath)('i18n');
  const load = () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: localesDir,
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  const stub = new Module(i18nPath);
  stub.filename = i18nPath;
  stub.loaded = true;
  stub.exports = load;
  stub.exports.default = load;
  require.cache[i18nPath] = stub;
  return pkgDir;
}

/** Makes electronegativity's HTTP client (got) fail at once, as it does on a machine without network. */
function installOfflineHttp(pkgDir) {
  const checkPath = join(pkgDir, 'dist', 'finder', 'checks', 'GlobalChecks', 'AvailableSecurityFixesGlobalCheck.js');
  const gotPath = createRequire(checkPath).resolve('got');
  const offline = () => Promise.reject(new Error('offline: scripts/electronegativity.mjs makes no network requests'));
  offline.head = offline;
  offline.get = offline;
  offline.default = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

/** Files to scan, relative to ROOT. */
function sourceFiles() {
  const out = [];
  const walk = (rel) => {
    const abs = join(ROOT, rel);
    if (SKIP.some((re) => re.test(rel))) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(join(rel, name));
    } else if (/\.(html?|[cm]?[jt]sx?)$/.test(rel)) {
      out.push(rel);
    }
  };
  for (const s of SOURCES) walk(s);
  return out;
}

/**
 * The allowlist from the README section: Map(check id → { reason, files }), `files` null for a
 * check allowed anywhere (review-only), else the files it is allowed in. Throws on a malformed list.
 */
function readAllowlist() {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(`\n${ALLOWLIST_HEADING}\n`);
  if (start === -1) throw new Error(`README.md has no "${ALLOWLIST_HEADING}" section`);
  const body = text.slice(start + ALLOWLIST_HEADING.length + 2);
  const end = body.search(/^#{1,3} /m);
  const section = end === -1 ? body : body.slice(0, end);
  const allow = new Map();
  const problems = [];
  for (const line of section.split('\n')) {
    const m = /^- `([A-Z0-9_]+)`(?:\s*\(([^)]+)\))?\s*(?:—|-|:)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, id, scope, reason] = m;
    const files = scope === undefined ? null : scope.split(',').map((f) => f.trim().replace(/^`|`$/g, '')).filter((f) => f !== '');
    if (FILE_SCOPED_CHECKS.has(id)) {
      if (files === null || files.length === 0) problems.push(`${id} may be allowlisted only for named files: "- \`${id}\` (path/file.ts) — reason"`);
      else if (reason.trim().length < 20) problems.push(`${id} needs its reason in the README, not just its name`);
      else allow.set(id, { reason: reason.trim(), files: new Set(files) });
    } else if (!REVIEW_ONLY_CHECKS.has(id)) {
      problems.push(`${id} may not be allowlisted: only review-type checks (${[...REVIEW_ONLY_CHECKS].join(', ')}) may be, and ${[...FILE_SCOPED_CHECKS].join(', ')} for named files`);
    } else if (reason.trim().length < 20) problems.push(`${id} needs its reason in the README, not just its name`);
    else allow.set(id, { reason: reason.trim(), files: null });
  }
  return { allow, problems };
}

async function main() {
  const files = sourceFiles();
  if (files.length === 0) throw new Error('no source files found to scan');
  const { allow, problems } = readAllowlist();

  // A staging copy holds exactly what is scanned (electronegativity takes one input folder),
  // plus package.json so it knows the Electron version.
  const stage = mkdtempSync(join(tmpdir(), 'patvault-electronegativity-'));
  try {
    for (const f of files) cpSync(join(ROOT, f), join(stage, f));
    cpSync(join(ROOT, 'package.json'), join(stage, 'package.json'));

    const pkgDir = installOfflineLocales();
    installOfflineHttp(pkgDir);
    const run = require(join(pkgDir, 'dist', 'runner.js'));
    const result = await run({
      input: stage,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: undefined,
      parserPlugins: [],
    });

    const rel = (file) => relative(stage, file).split(sep).join('/');
    const fatal = [...problems];
    // Electronegativity honours inline `eng-disable` comments, which would hide a finding from
    // this gate: reviewed findings belong in the README list instead.
    for (const f of files) {
      if (/eng-disable/i.test(readFileSync(join(ROOT, f), 'utf8'))) fatal.push(`${f} has an eng-disable comment; list reviewed checks in README.md instead`);
    }
    for (const e of result.errors) {
      if (!e.tolerable) fatal.push(`could not parse ${rel(e.file)}: ${e.message}`);
    }

    const rows = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file.startsWith(stage) ? rel(i.file) : i.file,
      where: `${i.file.startsWith(stage) ? rel(i.file) : i.file}:${i.location.line}:${i.location.column}`,
      review: i.manualReview === true,
    }));
    const firing = new Set();
    for (const r of rows) {
      let verdict = 'note';
      if (r.severity === 'HIGH') verdict = 'FAIL';
      else if (r.severity === 'MEDIUM') {
        const entry = allow.get(r.id);
        if (entry !== undefined && (entry.files === null || entry.files.has(r.file))) {
          verdict = 'reviewed';
          firing.add(r.id);
        } else verdict = 'FAIL';
      }
      if (verdict === 'FAIL') fatal.push(`${r.severity} ${r.id} at ${r.where}`);
      console.log(`${verdict.padEnd(8)} ${r.severity.padEnd(13)} ${r.id.padEnd(40)} ${r.where}${r.review ? ' (review)' : ''}`);
    }
    for (const id of allow.keys()) {
      if (!firing.has(id)) console.log(`note     allowlisted ${id} did not fire; remove it from README.md if it is gone for good`);
    }

    console.log(
      `\nelectronegativity: ${files.length} files, ${result.globalChecks + result.atomicChecks} checks, ${rows.length} findings` +
        ` (${rows.filter((r) => r.severity === 'HIGH').length} high, ${rows.filter((r) => r.severity === 'MEDIUM').length} medium)`,
    );
    if (fatal.length > 0) {
      console.error(`\nelectronegativity: FAILED\n  ${fatal.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log('electronegativity: passed (no HIGH finding; every MEDIUM one is a reviewed check listed in README.md)');
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

await main().catch((e) => {
  console.error(`electronegativity: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
