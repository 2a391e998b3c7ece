/** Where Pipescope itself is: the project folder (Astro's root; its .cache holds the site data). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
