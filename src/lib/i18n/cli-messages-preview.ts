/**
 * What `npm run preview` says on the terminal (cli-messages.ts): the
 * address it serves the built site at, and a folder that holds no built
 * site. Paths, addresses and commands stay as written. (What the server
 * answers a browser is not said here: scripts/lib/static-server.ts.)
 */
import { particle } from './josa.ts';
import { texts } from './cli-messages-kit.ts';

export const PREVIEW_MESSAGES = {
  preview_serving: texts(
    (p: { site: string; url: string }) => `serving ${p.site}/ at ${p.url}/ (Ctrl-C to stop)`,
    (p) => `${p.site}/${particle(p.site, '을/를')} ${p.url}/에서 제공하는 중입니다(멈추려면 Ctrl-C를 누르세요)`,
  ),
  preview_no_site: texts(
    (p: { site: string }) => `${p.site}/ holds no built site (no index.html): run "npm run build -- --as-of <YYYY-MM-DD>" first`,
    (p) => `${p.site}/에 빌드된 사이트가 없습니다(index.html 없음). 먼저 "npm run build -- --as-of <YYYY-MM-DD>"를 실행하세요`,
  ),
};
