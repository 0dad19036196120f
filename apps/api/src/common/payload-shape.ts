/** Deeper than this, a request body or a socket message is refused: nothing the API takes nests more than a few levels. */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * What is wrong with the shape of a client's payload (a JSON body, a socket message's arguments), or null: nested too
 * deeply (validation walks it recursively), or a string holding a NUL character (PostgreSQL cannot store one).
 * Binary data (audio frames) is not looked into.
 */
export function payloadProblem(payload: unknown): string | null {
  const stack: [unknown, number][] = [[payload, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'contains a NUL character';
      continue;
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
      continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return `is nested too deeply (more than ${MAX_PAYLOAD_DEPTH} levels)`;
    for (const [key, item] of Object.entries(value as object)) {
      if (key.includes('\u0000')) return 'contains a NUL character';
      stack.push([item, depth + 1]);
    }
  }
  return null;
}
