/** Server mode (the app serving the office's PCs over HTTPS) and the logged-in sessions (administrators only). */
import { z } from 'zod';
import type { OfficeServerStatus } from '../server/office-server-control';
import type { PdfFile } from '../services/documents/types';
import { method, none } from './method';
import type { SessionView } from './sessions';

export type { OfficeServerStatus, SessionView };

export const serverStartSchema = z.object({
  address: z.string().trim().min(1, 'Pilih alamat jaringan.'),
  port: z
    .number({ message: 'Isi nomor port.' })
    .int('Port berupa bilangan bulat.')
    .min(1024, 'Port paling kecil 1024.')
    .max(65535, 'Port paling besar 65535.'),
});
export const sessionEndSchema = z.object({ id: z.string().min(1).max(100) });

export const serverContract = {
  /** Null where this app cannot serve (a tool or test without the server's switch). */
  'server.status': method<OfficeServerStatus | null>()(none, { duty: 'settings.edit' }),
  /** Turns server mode on (or moves it), audited; refused for a database on a network drive. */
  'server.start': method<OfficeServerStatus>()(serverStartSchema, { duty: 'settings.edit' }),
  'server.stop': method<OfficeServerStatus>()(none, { duty: 'settings.edit' }),
  /** The A4 sheet for staff desks: kop, the address to open, the certificate's fingerprint, short steps. */
  'server.sheet': method<PdfFile>()(none, {
    duty: 'settings.edit',
    file: { unlogged: "the server's address and certificate fingerprint: no personal data" },
  }),
  /** Who is logged in, from which PC, since when and their last request. */
  'server.sessions': method<SessionView[]>()(none, { duty: 'accounts.manageUsers' }),
  /** Ends one session, audited; that user's next call is refused and their screen returns to the login page. */
  'server.endSession': method<{ ended: true }>()(sessionEndSchema, { duty: 'accounts.manageUsers' }),
} as const;
