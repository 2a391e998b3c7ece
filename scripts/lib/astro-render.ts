/**
 * `node scripts/lib/astro-render.ts '<RenderOptions as JSON>'`: one `astro
 * build` in a fresh process, for a build that renders a second date
 * (scripts/build.ts `astroRender`).
 */
import { astroBuild, type RenderOptions } from '../build.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as RenderOptions;
await astroBuild(options);
