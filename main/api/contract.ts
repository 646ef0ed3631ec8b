/**
 * The contract between renderer and main: every method's name, input schema and output type.
 * Handlers are checked against it (handlers.ts) and the renderer's client type is derived from it.
 */
import { z } from 'zod';
// --- import (issue 3) ---
import type { AuditEntry, ImportMapping, Office, Region } from '../../db/schema';
import type { Role } from '../domain/enums';
import { KOMPONEN, type Komponen } from '../domain/komponen';
import {
  deactivateSchema,
  kpmSchema,
  kpmSearchSchema,
  officeSchema,
  pendampingSchema,
  setupSchema,
  userCreateSchema,
} from '../domain/schemas';
import { WRITE_ROLES } from '../services/actor';
import type { PublicUser } from '../services/auth';
import type { CommitOutcome, ImportProgress, ImportReport } from '../services/import/jobs';
import type { DuplicateItem } from '../services/import/plan';
import type { ImportProblem } from '../services/import/types';
import type { BatchRow, UndoResult } from '../services/import/undo';
import type { KpmDetail, SaveResult } from '../services/kpm';
import type { KpmPage } from '../services/kpm-search';
import type { PendampingRow } from '../services/pendamping';
import type { RegencyOption } from '../services/regions';
import {
  importBatchesSchema,
  importChooseSchema,
  importCommitSchema,
  importConfigureSchema,
  importDuplicatesSchema,
  importJobIdSchema,
  importProblemsSchema,
  importReportSchema,
  importSaveMappingSchema,
  importStartSchema,
  importUndoSchema,
} from './import-schemas';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Callable without a logged-in user. */
  public: boolean;
  /** Roles allowed; empty means every logged-in user. */
  roles: readonly Role[];
  /** Phantom: carries the output type only. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(
    input: I,
    options: { public?: boolean; roles?: readonly Role[] } = {},
  ): MethodSpec<I, O> => ({
    input,
    public: options.public ?? false,
    roles: options.roles ?? [],
  });
}

const none = z.object({}).default({});
const id = z.object({ id: z.number().int().positive() });

const IMPORT_ROLES = WRITE_ROLES;

export interface SessionInfo {
  user: PublicUser;
  office: Office;
}

export const contract = {
  'setup.status': method<{ done: boolean }>()(none, { public: true }),
  'setup.regencies': method<RegencyOption[]>()(none, { public: true }),
  'setup.complete': method<{ done: true }>()(setupSchema, { public: true }),

  'auth.login': method<SessionInfo & { sessionToken: string }>()(
    z.object({
      username: z.string().trim().min(1, 'Isi nama pengguna.'),
      password: z.string().min(1, 'Isi kata sandi.'),
    }),
    { public: true },
  ),
  'auth.logout': method<{ done: true }>()(none, { public: true }),
  'auth.session': method<SessionInfo | null>()(none, { public: true }),

  'users.list': method<PublicUser[]>()(none, { roles: ['admin'] }),
  'users.create': method<PublicUser>()(userCreateSchema, { roles: ['admin'] }),
  'users.setActive': method<PublicUser>()(id.extend({ active: z.boolean() }), { roles: ['admin'] }),

  'office.get': method<Office>()(none),
  'office.update': method<Office>()(officeSchema.omit({ regencyCode: true }), { roles: ['admin'] }),
  'settings.benefitAmounts': method<Record<Komponen, number>>()(none),
  'settings.updateBenefitAmounts': method<Record<Komponen, number>>()(
    z.object({
      amounts: z.record(
        z.enum(KOMPONEN),
        z.number().int('Nominal harus bilangan bulat rupiah.').min(0).max(100_000_000),
      ),
    }),
    { roles: ['admin'] },
  ),

  'regions.districts': method<Region[]>()(none),
  'regions.villages': method<Region[]>()(z.object({ districtCode: z.string().regex(/^\d{6}$/) })),

  'kpm.search': method<KpmPage>()(kpmSearchSchema),
  'kpm.get': method<KpmDetail>()(id),
  'kpm.create': method<SaveResult>()(kpmSchema, { roles: ['admin', 'operator'] }),
  'kpm.update': method<SaveResult>()(z.object({ id: z.number().int().positive(), data: kpmSchema }), {
    roles: ['admin', 'operator'],
  }),
  'kpm.deactivate': method<{ done: true }>()(deactivateSchema, { roles: ['admin', 'operator'] }),

  'pendamping.list': method<PendampingRow[]>()(none),
  'pendamping.get': method<PendampingRow & { history: AuditEntry[] }>()(id),
  'pendamping.create': method<{ id: number }>()(pendampingSchema, { roles: ['admin', 'operator'] }),
  'pendamping.update': method<{ id: number }>()(z.object({ id: z.number().int().positive(), data: pendampingSchema }), {
    roles: ['admin', 'operator'],
  }),
  'pendamping.reassign': method<{ moved: number }>()(
    z
      .object({
        toPendampingId: z.number().int().positive('Pilih pendamping tujuan.'),
        kpmIds: z
          .array(z.number().int().positive())
          .min(1)
          .max(100_000, 'Pilih paling banyak 100.000 KPM sekali pindah.')
          .optional(),
        fromPendampingId: z.number().int().positive().optional(),
      })
      .refine((v) => (v.kpmIds === undefined) !== (v.fromPendampingId === undefined), {
        message: 'Pilih KPM yang dipindah, atau pendamping asal.',
      }),
    { roles: ['admin', 'operator'] },
  ),

  // --- import (issue 3): spreadsheet import with dry run, commit and undo; see main/services/import/ ---
  /** Opens the file (refused at once when it is not a spreadsheet) and starts reading and checking it. */
  'import.start': method<{ jobId: string }>()(importStartSchema, { roles: IMPORT_ROLES }),
  /** Poll: phase membaca/memeriksa/menyimpan with done/total; status siap when the report is ready. */
  'import.progress': method<ImportProgress>()(importJobIdSchema, { roles: IMPORT_ROLES }),
  'import.report': method<ImportReport>()(importReportSchema, { roles: IMPORT_ROLES }),
  'import.problems': method<{ total: number; items: ImportProblem[] }>()(importProblemsSchema, { roles: IMPORT_ROLES }),
  'import.duplicates': method<{ total: number; items: DuplicateItem[] }>()(importDuplicatesSchema, {
    roles: IMPORT_ROLES,
  }),
  /** Reads the same file again with another sheet, header row or mapping (poll import.progress). */
  'import.configure': method<{ jobId: string }>()(importConfigureSchema, { roles: IMPORT_ROLES }),
  /** Choices for duplicates and unknown pendamping; returns the new report (with a new planId). */
  'import.choose': method<ImportReport>()(importChooseSchema, { roles: IMPORT_ROLES }),
  /** Writes exactly the plan named by planId, all or nothing; resolves when done (poll progress meanwhile). */
  'import.commit': method<CommitOutcome>()(importCommitSchema, { roles: IMPORT_ROLES }),
  'import.cancel': method<{ cancelled: boolean }>()(importJobIdSchema, { roles: IMPORT_ROLES }),
  /** The problem rows as an xlsx (base64) with the status and problems of each row. */
  'import.problemsXlsx': method<{ fileName: string; base64: string; rows: number }>()(importJobIdSchema, {
    roles: IMPORT_ROLES,
  }),
  'import.batches': method<BatchRow[]>()(importBatchesSchema, { roles: IMPORT_ROLES }),
  'import.undo': method<UndoResult>()(importUndoSchema, { roles: IMPORT_ROLES }),
  'import.mappings': method<ImportMapping[]>()(none, { roles: IMPORT_ROLES }),
  'import.saveMapping': method<ImportMapping>()(importSaveMappingSchema, { roles: IMPORT_ROLES }),
  'import.deleteMapping': method<{ done: true }>()(id, { roles: IMPORT_ROLES }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;
