/**
 * pipeline.config.json `locale` written as Korea's country code (`kr`,
 * `KR`, `kr-KR`) or as Korean's three-letter code (`kor`): both are language
 * codes the config takes (`kr` is Kanuri), so the dashboard opens in English
 * (input.md: Korean when the code is `ko`), which a Korean team did not mean.
 * Said once, with the code to write.
 */
import type { Config } from '../config.ts';
import type { IssueLog } from './issues.ts';

/** The config's file name, as dataset-builder.ts names it (not imported from there: it imports this module). */
const CONFIG_FILE = 'pipeline.config.json';

export function koreanLocaleWarning(config: Config, issues: IssueLog): void {
  const language = config.locale.split('-')[0]!.toLowerCase();
  const written = JSON.stringify(config.locale);
  const why =
    language === 'kr'
      ? `"kr" is Korea's country code (as a language code it is Kanuri)`
      : language === 'kor'
        ? `"kor" is Korean's three-letter code, and the dashboard is chosen by the two-letter one`
        : null;
  if (why === null) return;
  issues.warning(CONFIG_FILE, 0, 'locale', 'locale_not_korean', `locale ${written}: ${why}, so the dashboard opens in English; for Korean write "ko"`);
}
