import { Badge, Grid, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ExportCatalogue, ExportTemplateView } from '../../../main/api/exports.contract';
import { EXPORT_DUTIES } from '../../../main/domain/duties';
import { EXPORT_KIND_LABEL, EXPORT_KINDS, type NikMode } from '../../../main/domain/exports';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { Loaded } from '../shared/Loaded';
import { ColumnsEditor } from './ColumnsEditor';
import { FileOptions } from './FileOptions';
import { FilterFields } from './FilterFields';
import { DEFAULT_TEMPLATE_KEY } from './labels';
import { RunBar } from './RunBar';
import { TemplateActions } from './TemplateActions';
import { useTemplateForm } from './template-form';

/** Roles that may copy, change and delete templates (the server checks the same list). */

/** Ekspor data: pick a template, adjust it, see how many rows, download. */
export function ExportWorkbench() {
  const catalogue = useApi('exports.catalogue', {}, { staleTime: Number.POSITIVE_INFINITY });
  const templates = useApi('exports.templates', {});
  return (
    <Loaded query={catalogue} label="Memuat katalog kolom">
      {(cat) => (
        <Loaded query={templates} label="Memuat templat">
          {(list) => <Workbench catalogue={cat} templates={list} />}
        </Loaded>
      )}
    </Loaded>
  );
}

/** Built-in templates first within each kind, kinds in the catalogue's order. */
function templateOptions(templates: ExportTemplateView[]) {
  return EXPORT_KINDS.map((kind) => ({
    group: EXPORT_KIND_LABEL[kind],
    items: templates
      .filter((t) => t.kind === kind)
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn))
      .map((t) => ({ value: t.key, label: t.builtIn ? `${t.name} (bawaan)` : t.name })),
  })).filter((g) => g.items.length > 0);
}

function Workbench({ catalogue, templates }: { catalogue: ExportCatalogue; templates: ExportTemplateView[] }) {
  const [key, setKey] = useState(DEFAULT_TEMPLATE_KEY);
  const template =
    templates.find((t) => t.key === key) ?? templates.find((t) => t.key === DEFAULT_TEMPLATE_KEY) ?? templates[0];
  return (
    // A new form per template: switching templates starts from what that template holds.
    <TemplateEditor
      key={template.key}
      template={template}
      templates={templates}
      catalogue={catalogue}
      onSelect={(next) => setKey(next ?? DEFAULT_TEMPLATE_KEY)}
    />
  );
}

interface EditorProps {
  template: ExportTemplateView;
  templates: ExportTemplateView[];
  catalogue: ExportCatalogue;
  onSelect: (key: string | null) => void;
}

function TemplateEditor({ template, templates, catalogue, onSelect }: EditorProps) {
  const { can } = useSession();
  const form = useTemplateForm(template);
  const mayEdit = can(EXPORT_DUTIES.templates);
  const columns = catalogue.kinds.find((k) => k.kind === template.kind)?.columns ?? [];
  const allowed = catalogue.allowedNikModes;
  // The ministry's file needs full NIKs; roles that may not see them only have the masked file.
  const [nikMode, setNikMode] = useState<NikMode>(allowed.includes('full') ? 'full' : 'masked');
  // Leaving an office template with unsaved changes asks first; a built-in one has nothing to save.
  const [leavingFor, setLeavingFor] = useState<string | null>(null);
  const unsaved = !template.builtIn && form.isDirty();
  return (
    <Stack gap="md">
      <Select
        label="Templat"
        data={templateOptions(templates)}
        value={template.key}
        onChange={(v) => v && (unsaved ? setLeavingFor(v) : onSelect(v))}
        allowDeselect={false}
        searchable
        maw={520}
      />
      <ConfirmModal
        opened={leavingFor !== null}
        title="Perubahan belum disimpan"
        confirmLabel="Buang perubahan"
        onConfirm={() => onSelect(leavingFor)}
        onClose={() => setLeavingFor(null)}
      >
        Perubahan pada templat "{template.name}" belum disimpan dan akan hilang jika Anda membuka templat lain.
      </ConfirmModal>
      <Group justify="space-between">
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {EXPORT_KIND_LABEL[template.kind]}
          </Badge>
          <Badge variant="outline" color={template.builtIn ? 'gray' : 'teal'} tt="none">
            {template.builtIn ? 'Templat bawaan' : 'Templat kantor'}
          </Badge>
          {unsaved && (
            <Badge color="yellow" variant="light" tt="none">
              Ada perubahan yang belum disimpan
            </Badge>
          )}
        </Group>
        {mayEdit && (
          <TemplateActions
            template={template}
            values={form.values}
            dirty={unsaved}
            validate={() => !form.validate().hasErrors}
            onSaved={() => form.resetDirty()}
            onSelect={onSelect}
          />
        )}
      </Group>
      <RunBar templateKey={template.key} values={form.values} nikMode={nikMode} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ColumnsEditor
            form={form}
            catalogue={columns}
            editable={mayEdit && !template.builtIn}
            readOnlyNote={
              mayEdit
                ? 'Kolom templat bawaan tetap. Klik "Salin templat" untuk memilih kolom, urutan dan judulnya sendiri.'
                : 'Kolom templat diatur oleh administrator atau operator.'
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <FilterFields form={form} />
            <FileOptions form={form} allowedNikModes={allowed} nikMode={nikMode} onNikMode={setNikMode} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
