/**
 * The build's report files (--digest, --summary): written when asked, and, when the build stops before its
 * output is in place, replaced by what stopped it, so that no report of a run before stays to be read as this run's.
 */
import { configLocale } from './build-reuse.ts';
import { type CliIO, writingTo } from './cli.ts';
import type { ConfigSource } from './config-option.ts';
import { writeFileAtomic } from './io.ts';
import { type FileArg, STDOUT } from './publish.ts';

/** The report files of a build (--summary, --digest) that say so when it stops before its output is in place. */
export interface StoppedReports {
  reports: FileArg[];
  /** The config whose language they are written in (--config's, else the data folder's). */
  config: ConfigSource;
}

/**
 * --summary and --digest of a build that stopped before its output was in place (exit 1, 2, 3 or 70): that it
 * failed and what it said (without the usage and the stack), so that the summary a run before left never reads
 * "Passed" and its digest is never sent again as this run's changes. When that fails too, a warning says so:
 * the error the exit status reports is the build's.
 */
export async function writeStoppedReports(io: CliIO, { reports, config }: StoppedReports, code: number, said: string): Promise<void> {
  const lines: string[] = [];
  for (const line of said.split('\n')) {
    if (line.startsWith('usage: ') || /^\s+at /u.test(line)) break;
    lines.push(line);
  }
  const notWritten = (e: unknown, what: string) => io.stderr.write(`build: warning: ${what} not written either (${e instanceof Error ? e.message : String(e)})\n`);
  let text: string;
  try {
    const [{ stoppedSummaryMarkdown }, locale] = await Promise.all([import('../../src/lib/views/digest.ts'), configLocale(config, io)]);
    text = stoppedSummaryMarkdown(locale, code, lines.join('\n'));
  } catch (e) {
    return void notWritten(e, reports.length === 1 ? 'the report was' : 'the reports were');
  }
  // Each on its own: a digest that cannot be written (the cause of the stop, maybe) still lets the summary say so.
  for (const file of reports) {
    try {
      writeReport(io, file, text);
    } catch (e) {
      notWritten(e, `${file.shown} was`);
    }
  }
}

/** The digest or summary: to its file, or to standard output for `-` (`--summary - >> "$GITHUB_STEP_SUMMARY"`). */
export function writeReport(io: CliIO, file: FileArg, text: string): void {
  if (file.path === STDOUT) io.stdout.write(text);
  else writingTo(file.shown, () => writeFileAtomic(file.path, text, io.fs));
}
