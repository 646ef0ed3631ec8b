import { PageHeader } from '../features/shared/PageHeader';
import { UserList } from '../features/users/UserList';

export function UsersPage() {
  return (
    <>
      <PageHeader title="Pengguna" subtitle="Akun yang dapat masuk ke aplikasi, dengan perannya masing-masing." />
      <UserList />
    </>
  );
}
