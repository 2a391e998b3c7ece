/**
 * Astro started while the data is still being extracted (in a process of its
 * own): loading Astro and bundling the site do not depend on the data, only
 * the pages do. Astro renders them once the extraction is done and the build
 * may go on (`go`); otherwise it is stopped before any page (`stop`).
 */
import type { RenderOptions } from './astro-render.ts';

export interface EarlyRender {
  options: RenderOptions;
  /** Settles when Astro is done, or has failed or stopped. */
  done: Promise<void>;
  /** The site data is written and checked: render the pages. */
  go(): void;
  /** Stop Astro before its pages (when it has not begun them) and wait until it has stopped; never throws. */
  stop(): Promise<void>;
}

/** Why Astro stopped before its pages: the build stopped for another reason, which is the one reported. */
export class RenderStopped extends Error {
  constructor() {
    super('rendering stopped: the build did not get as far as its pages');
    this.name = 'RenderStopped';
  }
}

export function renderBeside(render: (options: RenderOptions, dataReady: Promise<void>) => Promise<void>, options: RenderOptions): EarlyRender {
  let go!: () => void;
  let stop!: (e: Error) => void;
  const dataReady = new Promise<void>((resolve, reject) => {
    go = resolve;
    stop = reject;
  });
  const done = render(options, dataReady);
  // Awaited by the build once the data is there; a failure before that is reported then, or not at all when the build stopped first.
  done.catch(() => {});
  return {
    options,
    done,
    go: () => go(),
    stop: async () => {
      stop(new RenderStopped());
      await done.catch(() => {});
    },
  };
}
