/**
 * The URL of a module beside the calling one, for a worker thread to load:
 * `<name>.ts` when running from the sources, `<name>.mjs` in a compiled
 * bundle (scripts/launch.mjs compiles each worker next to the command that
 * starts it, and there `base`, the caller's `import.meta.url`, is the bundle's).
 */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.mjs'}`, base);
}
