/** Errors cross the contract as data: a stable code, an Indonesian message fit for users, and per-field messages. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  /** Browser mode opened without the server's per-start token (a bookmark, a restarted server). */
  | 'TOKEN_INVALID'
  | 'FORBIDDEN'
  /** The user logs in with a temporary password and must choose a new one before anything else. */
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'CONFLICT'
  | 'SETUP_DONE'
  | 'SETUP_REQUIRED'
  | 'LOGIN_FAILED'
  | 'UNKNOWN_METHOD'
  | 'CANCELLED'
  | 'FILE_UNSUPPORTED'
  | 'FILE_EMPTY'
  | 'FILE_CORRUPT'
  | 'FILE_PROTECTED'
  | 'IMPORT_NO_HEADER'
  /** An import is being written: other writes, backup and restore are refused at once. */
  | 'BUSY'
  /** Too many failed logins: the account or the source is held for some minutes. */
  | 'LOGIN_LOCKED'
  /** The database file is damaged, read-only, missing or from a newer version: nothing is written. */
  | 'DATABASE_UNAVAILABLE'
  /** A backup of another office or another database: never restored over this one. */
  | 'OTHER_DATABASE'
  /** A request body above its method's limit. */
  | 'TOO_LARGE'
  | 'INTERNAL';

export interface ErrorLink {
  kind: 'kpm' | 'pendamping';
  id: number;
  label: string;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  link?: ErrorLink;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly link?: ErrorLink;

  constructor(code: ErrorCode, message: string, extra: { fields?: Record<string, string>; link?: ErrorLink } = {}) {
    super(message);
    this.code = code;
    this.fields = extra.fields;
    this.link = extra.link;
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, fields: this.fields, link: this.link };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
