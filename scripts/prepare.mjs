/**
 * npm's `prepare` entry (package.json), plain JavaScript so that any Node that runs npm can load it: runs
 * scripts/prepare.ts where this Node runs Pipescope's TypeScript, and never fails the install. A Node too old
 * (`npm ci --omit=dev` leaves out the project's own, and the machine's may be older), or a script that cannot be
 * loaded (code being edited), is said in one line, and the first build makes what it would have made.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether Node `version` ('22.18.0', as process.versions.node gives it) strips TypeScript's types, as Pipescope needs.
 * @param {string} version
 */
export function runsTypeScript(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 18);
}

/** @param {string[]} argv */
async function main(argv) {
  const later = 'the first build makes what it would have made';
  if (!runsTypeScript(process.versions.node)) {
    process.stderr.write(`prepare: skipped: Pipescope needs Node >= 22.18, this is ${process.version}; ${later}\n`);
    return;
  }
  try {
    const { runCli } = await import('./prepare.ts');
    await runCli(argv);
  } catch (e) {
    process.stderr.write(`prepare: not run (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); ${later}\n`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
