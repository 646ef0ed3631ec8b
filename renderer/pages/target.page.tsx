import { PageHeader } from '../features/shared/PageHeader';
import { GraduationSettingsForm } from '../features/targets/GraduationSettingsForm';
import { TargetEditor } from '../features/targets/TargetEditor';

export function TargetPage() {
  return (
    <>
      <PageHeader title="Target graduasi" subtitle="Target per tahun untuk kantor dan setiap pendamping." />
      <TargetEditor />
      <div style={{ marginTop: 16 }}>
        <GraduationSettingsForm />
      </div>
    </>
  );
}
