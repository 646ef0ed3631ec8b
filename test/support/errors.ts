/**
 * Expected errors, in one place: services throw AppError, the dispatcher returns { ok: false, error }.
 * Each helper fails the test when nothing went wrong, or when something else went wrong.
 */
import { expect } from 'vitest';
import { AppError, type AppErrorData, type ErrorCode, type Result } from '../../main/domain/errors';

type Text = string | RegExp;

/** The AppError `run` throws; fails when it returns, or throws anything else. */
export function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

function check(error: AppErrorData, code: ErrorCode, message?: Text, fields?: Record<string, Text>) {
  expect(error.code, `error code (message: ${error.message})`).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  for (const [path, text] of Object.entries(fields ?? {})) {
    expect(error.fields?.[path], `message of field ${path}`).toMatch(text);
  }
}

/** `run` throws an AppError with this code, a message matching `message`, and these field messages. */
export function expectAppError(
  run: () => unknown,
  code: ErrorCode,
  message?: Text,
  fields?: Record<string, Text>,
): AppError {
  const error = appErrorOf(run);
  check(error.toData(), code, message, fields);
  return error;
}

/** A dispatcher result that failed with this code, message and field messages; returns the error. */
export function expectFailure(
  result: Result<unknown>,
  code: ErrorCode,
  message?: Text,
  fields?: Record<string, Text>,
): AppErrorData {
  if (result.ok) throw new Error(`expected a failure ${code}, got ok: ${JSON.stringify(result.value)}`);
  check(result.error, code, message, fields);
  return result.error;
}

/** A dispatcher result that succeeded; returns its value (fails with the error's message otherwise). */
export function expectOk<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The AppError an async `run` rejects with; fails when it resolves, or rejects with anything else. */
export async function appErrorOfAsync(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/** `run` rejects with an AppError with this code, a message matching `message`, and these field messages. */
export async function expectAppErrorAsync(
  run: () => Promise<unknown>,
  code: ErrorCode,
  message?: Text,
  fields?: Record<string, Text>,
): Promise<AppError> {
  const error = await appErrorOfAsync(run);
  check(error.toData(), code, message, fields);
  return error;
}
