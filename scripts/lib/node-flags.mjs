// @ts-check
/** Node's options that V8 takes only at a process's start, shared by the commands (cli-bundles.mjs) and the processes they start. */

/**
 * V8's young generation held at 16 MB semi-spaces, the size Node 22's V8 gave it. Node 24's lets it grow four times
 * as large (a new space of 128 MB against 32 MB): no faster at 100k deals (1.40 s against 1.42 s, medians of nine
 * alternating runs) for 266 MB of peak RSS against 233, and the 100k site's build took 895-920 MB against
 * 757-759 MB, near its 1 GB bar (docs/performance.md, seventy-eighth round). 32 MB ones made 100k ~6 % slower in
 * the thirty-ninth round: each page a process touches first costs ~10 µs here.
 */
export const YOUNG_GENERATION = '--max-semi-space-size=16';
