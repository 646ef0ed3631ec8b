import { ProposalList } from '../features/proposals/ProposalList';
import { PageHeader } from '../features/shared/PageHeader';

export function ProposalsPage() {
  return (
    <>
      <PageHeader
        title="Usulan & penetapan"
        subtitle="Calon terverifikasi dihimpun dalam usulan bernomor, diajukan, lalu ditetapkan dengan SK."
      />
      <ProposalList />
    </>
  );
}
