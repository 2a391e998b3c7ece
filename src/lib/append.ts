/**
 * `target.push(...items)` passes every item as an argument, and throws a RangeError ("Maximum call
 * stack size exceeded") past about 120,000 of them: a file whose every row is rejected has that many
 * issues. Lists whose length the data decides are appended with this instead.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
