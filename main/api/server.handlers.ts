import { inTransaction } from '../../db/open';
import { AppError } from '../domain/errors';
import { printServerSheet } from '../server/server-sheet';
import { writeAudit } from '../services/audit';
import type { HandlerContext, HandlersOf } from './handlers';
import type { serverContract } from './server.contract';

function control({ officeServer }: HandlerContext) {
  if (!officeServer) throw new AppError('CONFLICT', 'Mode server tidak tersedia pada cara aplikasi ini dijalankan.');
  return officeServer;
}

export const serverHandlers = {
  'server.status': ({ officeServer }) => officeServer?.status() ?? null,
  'server.start': (ctx, input) => control(ctx).start(ctx.actor, input),
  'server.stop': (ctx) => control(ctx).stop(ctx.actor),
  'server.sheet': (ctx) => printServerSheet(ctx.db, control(ctx).status(), ctx.clock.now()),
  'server.sessions': ({ sessions }) => sessions.list(),
  'server.endSession': ({ db, actor, sessions }, input) => {
    const session = sessions.list().find((s) => s.id === input.id);
    if (!session || !sessions.endById(input.id)) {
      throw new AppError('NOT_FOUND', 'Sesi ini sudah berakhir.');
    }
    inTransaction(db, () =>
      writeAudit(db, actor, {
        action: 'end_session',
        entity: 'session',
        entityId: session.userId,
        summary: `Sesi ${session.username} dari ${session.address} diakhiri oleh administrator`,
        before: session,
      }),
    );
    return { ended: true };
  },
} satisfies HandlersOf<typeof serverContract>;
