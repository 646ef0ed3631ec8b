/**
 * The building blocks of the contract files: `method<Output>()(inputSchema, options)` declares one method.
 * Kept apart from contract.ts so the per-domain contract files can use them without an import cycle.
 */
import { z } from 'zod';
import type { Role } from '../domain/enums';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Callable without a logged-in user. */
  public: boolean;
  /** Roles allowed; empty means every logged-in user. */
  roles: readonly Role[];
  /** Phantom: carries the output type only. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(
    input: I,
    options: { public?: boolean; roles?: readonly Role[] } = {},
  ): MethodSpec<I, O> => ({
    input,
    public: options.public ?? false,
    roles: options.roles ?? [],
  });
}

/** Input of a method that takes nothing. */
export const none = z.object({}).default({});
/** Input of a method that takes one record's id. */
export const id = z.object({ id: z.number().int().positive() });
