import { useParams } from 'react-router';
import { ProgramDetail } from '../features/awards/ProgramDetail';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { PageHeader } from '../features/shared/PageHeader';

export function AwardProgramPage() {
  const id = Number(useParams().id);
  const query = useApi('awards.program', { id }, { enabled: Number.isInteger(id) && id > 0 });
  return (
    <>
      <PageHeader
        back={{ to: '/bantuan', label: 'Bantuan usaha' }}
        title={query.data ? query.data.name : 'Program bantuan'}
        subtitle={query.data ? `Tahun ${query.data.year}` : undefined}
      />
      <Loaded query={query} label="Memuat program">
        {(program) => <ProgramDetail program={program} />}
      </Loaded>
    </>
  );
}
