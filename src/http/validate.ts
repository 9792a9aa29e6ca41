// Every form and JSON body is checked against a zod schema at the edge. A
// request that does not fit gets a 400 that names each wrong field (in JSON
// for the API, on an error page for a browser); routes that show the form
// again with a friendlier message use safeParse themselves.
import { z } from 'zod';

export class InputError extends Error {
  readonly statusCode = 400;
  constructor(public readonly issues: { path: string; message: string }[]) {
    super(
      `The request is not valid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`,
    );
    this.name = 'InputError';
  }
}

/** The input as the schema reads it, or an InputError naming every field that is wrong. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** A route's `:id`: a positive whole number that fits the databases' integer columns. */
export const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
