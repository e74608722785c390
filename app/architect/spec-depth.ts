/**
 * The deepest a spec nests: the object, `layers`, a layer, a `[height, width]` window. Anything
 * far deeper is refused before validation, whose messages quote values with `JSON.stringify` and
 * would overflow the stack on 10,000 nested brackets (which fit in a 64 kB body).
 */
export const MAX_SPEC_DEPTH = 16;

/** Whether `value` nests more than `limit` arrays/objects deep. Iterative, so it cannot overflow itself. */
export function nestsDeeperThan(value: unknown, limit = MAX_SPEC_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== "object" || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

export const TOO_DEEP_MESSAGE = `the spec is nested more than ${MAX_SPEC_DEPTH} levels deep; a spec needs at most 4 (spec → layers → layer → [height, width])`;
