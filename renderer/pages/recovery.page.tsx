import type { DatabaseStatus } from '../../main/api/backup.contract';
import { RecoveryScreen } from '../features/database-health/RecoveryScreen';

/** Shown instead of the setup wizard or the login while the database file is not usable. */
export function RecoveryPage({ status }: { status: DatabaseStatus }) {
  return <RecoveryScreen status={status} />;
}
