import { Divider, Stack } from '@mantine/core';
import { DOCUMENT_DUTIES } from '../../../main/domain/duties';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { DocumentSettingsForm } from './DocumentSettingsForm';
import { SignatoriesEditor } from './SignatoriesEditor';
import { TemplateEditor } from './TemplateEditor';

/** Pengaturan > Dokumen: paper and numbering, signatories, and the wording of each kind (administrator edits). */
export function DocumentsSettings({ onOpenOffice }: { onOpenOffice: () => void }) {
  const { can } = useSession();
  const readOnly = !can(DOCUMENT_DUTIES.settings);
  const query = useApi('documents.settings', {});
  return (
    <Loaded query={query} label="Memuat pengaturan dokumen">
      {({ settings, templates, signatories, head }) => (
        <Stack gap="lg">
          <DocumentSettingsForm settings={settings} readOnly={readOnly} />
          <Divider />
          <SignatoriesEditor head={head} signatories={signatories} readOnly={readOnly} onOpenOffice={onOpenOffice} />
          <Divider />
          <TemplateEditor
            templates={templates}
            head={head}
            signatories={signatories}
            unitCode={settings.unitCode}
            readOnly={readOnly}
          />
        </Stack>
      )}
    </Loaded>
  );
}
