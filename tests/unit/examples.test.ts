/**
 * The CI recipes parse and do what docs/publish.md says: examples/github-pages.yml
 * (checked with actionlint when it was written; here parsed as YAML with the
 * expected jobs and steps) and the GitLab CI job in docs/publish.md. Every
 * build option they pass is one the build knows.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './cli/helpers.ts';
import { PUBLISH_ARGS } from '../../scripts/lib/publish.ts';

// js-yaml comes with Astro (a dependency); Pipescope itself reads no YAML.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
  jobs: Record<string, Job>;
}

const KNOWN = new Set([...Object.keys(PUBLISH_ARGS), 'data', 'out', 'as-of', 'quiet', 'max-account-pages']);
const optionsIn = (script: string) => [...script.matchAll(/(?<![\w-])--([a-z][a-z-]+)/gu)].map((m) => m[1]!).filter((o) => o !== 'no-audit' && o !== 'no-fund');

describe('examples/github-pages.yml', () => {
  const wf = load(readFileSync('examples/github-pages.yml', 'utf8')) as Workflow;
  const build = wf.jobs.build!;
  const uses = (job: Job) => job.steps.map((s) => s.uses?.replace(/@.*$/u, '')).filter(Boolean);

  it('runs daily and by hand (with an as-of date, a snapshot, --replace and the first run’s new history)', () => {
    expect(wf.on.schedule).toEqual([{ cron: '0 6 * * *' }]);
    expect(Object.keys(wf.on.workflow_dispatch.inputs)).toEqual(['as_of', 'snapshot', 'replace', 'new_history']);
  });

  it('builds, then deploys to GitHub Pages', () => {
    expect(Object.keys(wf.jobs)).toEqual(['build', 'deploy']);
    expect(uses(build)).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact']);
    expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({ path: 'dist' });
    const deploy = wf.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(uses(deploy)).toEqual(['actions/deploy-pages']);
  });

  it('uses the current major version of each action (those that run on Node 24; GitHub retires the Node 20 ones)', () => {
    const all = Object.values(wf.jobs).flatMap((job) => job.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
    expect(all).toEqual([
      'actions/checkout@v6',
      'actions/setup-node@v6',
      'actions/configure-pages@v6',
      'actions/upload-pages-artifact@v5',
      'actions/deploy-pages@v5',
    ]);
  });

  it('restores the snapshots, builds strictly with a snapshot, digest and summary, writes the job summary even on failure, and keeps the snapshots', () => {
    const names = build.steps.map((s) => s.name ?? s.uses ?? s.run);
    expect(names).toEqual([
      'actions/checkout@v6',
      'actions/setup-node@v6',
      'npm ci --no-audit --no-fund',
      "Find the site's address",
      'Restore the earlier snapshots',
      'Build',
      'Job summary',
      'Keep the snapshots',
      'actions/upload-pages-artifact@v5',
    ]);
    const step = (name: string) => build.steps.find((s) => s.name === name)!;
    expect(step('Restore the earlier snapshots').run).toMatch(/git fetch --depth=1 origin "refs\/heads\/\$SNAPSHOTS_BRANCH/u);
    expect(step('Restore the earlier snapshots').run).toMatch(/exit 1/u);
    const script = step('Build').run!;
    expect(script).toContain('npm run build -- "${args[@]}"');
    for (const option of ['--snapshot', '--snapshots', '--strict', '--digest', '--summary', '--site', '--new-history', '--replace', '--as-of']) expect(script).toContain(option);
    const unknown = optionsIn(script).filter((o) => !KNOWN.has(o));
    expect(unknown).toEqual([]);
    expect(step('Job summary').if).toBe('always()');
    expect(step('Job summary').run).toMatch(/cat digest\.md >> "\$GITHUB_STEP_SUMMARY"[\s\S]*cat summary\.md >> "\$GITHUB_STEP_SUMMARY"/u);
    // The digest of a failed build says what the summary says (the build stopped): only a built one is shown.
    expect(step('Job summary').env).toEqual({ BUILT: '${{ steps.build.outcome }}' });
    expect(step('Job summary').run).toContain('if [ "$BUILT" = "success" ] && [ -f digest.md ]; then cat digest.md');
    expect(step('Keep the snapshots').run).toMatch(/rsync -a --delete dist\/snapshots\/ store\/snapshots\/[\s\S]*git push origin "HEAD:refs\/heads\/\$SNAPSHOTS_BRANCH"/u);
    expect(build.permissions).toEqual({ contents: 'write', pages: 'read' });
  });
});

describe('examples/github-pages.yml: the build step’s options', () => {
  const wf = load(readFileSync('examples/github-pages.yml', 'utf8')) as Workflow;
  const script = wf.jobs.build!.steps.find((s) => s.name === 'Build')!.run!;
  /** The options the step passes to the build, run with bash and `npm` standing in (it prints them). */
  const optionsOf = (env: Record<string, string>) =>
    execFileSync('bash', ['-c', `npm() { shift 2; printf '%s\\n' "$@"; }\n${script}`], {
      env: { PATH: process.env.PATH ?? '', DATA: 'data/acme', SNAPSHOT_WEEKDAY: '1', SITE_URL: 'https://acme.github.io/p', AS_OF: '', ADD_SNAPSHOT: 'false', REPLACE: 'false', SNAPSHOTS: 'store/snapshots', EVENT: 'schedule', ...env },
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .filter((o) => o.startsWith('--'));

  it('a run by hand with "replace" ticked rebuilds that date’s snapshot (--snapshot --replace), "snapshot" ticked or not', () => {
    for (const ADD_SNAPSHOT of ['true', 'false']) {
      const options = optionsOf({ EVENT: 'workflow_dispatch', AS_OF: '2026-06-29', REPLACE: 'true', ADD_SNAPSHOT });
      expect(options).toContain('--snapshot');
      expect(options).toContain('--replace');
    }
  });

  it('a scheduled run leaves the snapshot to the as-of date’s weekday (--snapshot-weekday, the build decides); the first run starts the history', () => {
    const options = optionsOf({});
    expect(options).toEqual(expect.arrayContaining(['--snapshot', '--snapshot-weekday']));
    expect(options).not.toContain('--replace');
    expect(optionsOf({ EVENT: 'workflow_dispatch' })).not.toContain('--snapshot');
    // Every day: the build's `daily` (a re-run that day keeps the snapshot it added, where plain --snapshot stops).
    expect(optionsOf({ SNAPSHOT_WEEKDAY: 'daily' })).toEqual(expect.arrayContaining(['--snapshot', '--snapshot-weekday']));
    expect(optionsOf({ SNAPSHOTS: '' })).toEqual(expect.arrayContaining(['--snapshot', '--new-history']));
    expect(optionsOf({ SNAPSHOTS: '' })).not.toContain('--snapshot-weekday');
    expect(optionsOf({ EVENT: 'workflow_dispatch', ADD_SNAPSHOT: 'true' })).not.toContain('--snapshot-weekday');
  });
});

describe('examples/github-pages.yml: keeping the snapshots', () => {
  afterEach(removeTempDirs);
  const wf = load(readFileSync('examples/github-pages.yml', 'utf8')) as Workflow;
  const script = wf.jobs.build!.steps.find((s) => s.name === 'Keep the snapshots')!.run!;
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  /** Whether `tool` is on PATH (a GitHub runner has rsync); else a stand-in does what the step asks of it. */
  const onPath = (tool: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };

  it('commits every snapshot to the snapshots branch, the commit naming the snapshots it adds (a backfill’s too, whose build is of the latest date)', () => {
    const dir = tempDir();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // rsync: `rsync -a --delete <from>/ <to>/`.
    if (!onPath('rsync')) {
      writeFileSync(join(bin, 'rsync'), '#!/bin/sh\nrm -rf "$4" && mkdir -p "$4" && cp -a "$3". "$4"\n');
      chmodSync(join(bin, 'rsync'), 0o755);
    }
    const origin = join(dir, 'origin.git');
    mkdirSync(origin);
    git(origin, 'init', '-q', '--bare');
    /** One run: its build's output (its manifest's as-of date, every snapshot), then the step, with the branch cloned as the restore step does. */
    const run = (name: string, asOf: string, snapshots: string[]) => {
      const job = join(dir, name);
      for (const date of snapshots) {
        mkdirSync(join(job, 'dist', 'snapshots', date), { recursive: true });
        writeFileSync(join(job, 'dist', 'snapshots', date, 'index.html'), `<h1>${date}</h1>`);
      }
      writeFileSync(join(job, 'dist', 'build-manifest.json'), JSON.stringify({ generator: 'pipescope', as_of: asOf }));
      git(dir, 'clone', '-q', ...(name === 'first' ? [] : ['-b', 'pipescope-snapshots']), origin, `${name}/store`);
      execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: job,
        env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, SNAPSHOTS_BRANCH: 'pipescope-snapshots', GIT_CONFIG_NOSYSTEM: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    };
    run('first', '2026-06-08', ['2026-06-08']);
    expect(git(origin, 'log', '--format=%s', 'pipescope-snapshots').trim()).toBe('Pipescope snapshots: 2026-06-08');
    // A backfill by hand: the build renders the latest date (2026-06-08) for / again; the snapshot it adds is 2026-06-05's.
    run('backfill', '2026-06-08', ['2026-06-05', '2026-06-08']);
    expect(git(origin, 'log', '--format=%s', 'pipescope-snapshots').trim().split('\n')).toEqual(['Pipescope snapshots: 2026-06-05', 'Pipescope snapshots: 2026-06-08']);
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'pipescope-snapshots').trim().split('\n')).toEqual(['snapshots/2026-06-05/index.html', 'snapshots/2026-06-08/index.html']);
  });
});

describe('docs/publish.md', () => {
  const doc = readFileSync('docs/publish.md', 'utf8');
  const block = (lang: string) => [...doc.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'gu'))].map((m) => m[1]!);

  it('has a GitLab CI job that parses, builds with a snapshot and publishes public/ (built in site/: public/ is Pipescope’s own)', () => {
    const gitlab = block('yaml').map((y) => load(y) as Record<string, { script?: string[]; artifacts?: { paths: string[]; when?: string }; cache?: unknown; resource_group?: string }>).find((y) => 'pages' in y)!;
    expect(gitlab).toBeDefined();
    const script = gitlab.pages!.script!.join('\n');
    expect(script).toMatch(/npm run build -- /u);
    expect(optionsIn(script).filter((o) => !KNOWN.has(o))).toEqual([]);
    expect(script).toContain('--snapshot');
    // The site, and the digest and summary beside it, also when the build stopped (they say why).
    expect(gitlab.pages!.artifacts).toEqual({ when: 'always', paths: ['public', 'digest.md', 'summary.md'] });
    expect(script).toMatch(/--digest digest\.md --summary summary\.md/u);
    // One run at a time: two restoring the same cache would drop each other's snapshot.
    expect(gitlab.pages!.resource_group).toBe('pipescope');
    // public/ is Pipescope's own folder, which the build refuses as --out: the site is built elsewhere and moved there last.
    expect(script).not.toMatch(/--out public\b/u);
    expect(script).toMatch(/--out site\b[\s\S]*cp -a site\/snapshots snapshots[\s\S]*rm -rf public && mv site public$/u);
  });

  it('has the GitLab CI job add a snapshot weekly, as the GitHub workflow does (a daily one outgrows GitLab Pages’ size limit), and on the first run', () => {
    const gitlab = block('yaml').map((y) => load(y) as Record<string, { script?: string[] }>).find((y) => 'pages' in y)!;
    const script = gitlab.pages!.script!.join('\n');
    const build = script.split('\n').find((l) => l.includes('npm run build'))!;
    expect(build).not.toContain('--snapshot');
    expect(script).toMatch(/--snapshot --snapshot-weekday \$SNAPSHOT_WEEKDAY/u);
    expect(script).toMatch(/--snapshot --new-history/u);
    expect(doc).toMatch(/GitLab\.com publishes at most 1 GB/u);
  });

  it('has a cron line that runs a build script', () => {
    expect(doc).toMatch(/^\d+ \d+ \* \* \* .*pipescope-daily\.sh/mu);
    const sh = block('sh').find((b) => b.includes('--snapshot'))!;
    expect(optionsIn(sh.split('\n').filter((l) => l.includes('npm run build')).join('\n')).filter((o) => !KNOWN.has(o))).toEqual([]);
  });
});
