import { useParams } from 'react-router';
import { ProposalDetail } from '../features/proposals/ProposalDetail';
import { useApi } from '../features/shared/api-hooks';
import { PageHeader } from '../features/shared/PageHeader';

export function ProposalDetailPage() {
  const id = Number(useParams().id);
  const query = useApi('proposal.get', { id });
  return (
    <>
      <PageHeader
        title={query.data ? `Usulan ${query.data.proposal.number}` : 'Usulan'}
        back={{ to: '/usulan', label: 'Daftar usulan' }}
      />
      <ProposalDetail id={id} />
    </>
  );
}
