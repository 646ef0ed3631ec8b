import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExportTemplateView } from '../../../main/api/exports.contract';
import type { ExportTemplateInput } from '../../../main/domain/exports';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { cleanInput } from './template-form';

interface Props {
  template: ExportTemplateView;
  values: ExportTemplateInput;
  /** Whether the form holds changes not yet saved (office templates only). */
  dirty: boolean;
  /** Runs the form's validation; false when something is marked red. */
  validate: () => boolean;
  onSaved: () => void;
  /** Opens another template: the copy just made, or the default after a delete. */
  onSelect: (key: string | null) => void;
}

/** Salin templat (any template), and for the office's own ones Simpan perubahan and Hapus templat. */
export function TemplateActions({ template, values, dirty, validate, onSaved, onSelect }: Props) {
  const queryClient = useQueryClient();
  const save = useApiMutation('exports.saveTemplate');
  const remove = useApiMutation('exports.deleteTemplate');
  const [copying, setCopying] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['exports.templates'] });

  const saveChanges = async () => {
    if (!validate() || template.id === null) return;
    try {
      await save.mutateAsync({ ...cleanInput(values), id: template.id });
      await refresh();
      onSaved();
      notifySuccess(`Templat "${values.name}" disimpan.`);
    } catch (error) {
      notifyError(error, 'Templat tidak tersimpan');
    }
  };
  const confirmDelete = async () => {
    if (template.id === null) return;
    try {
      await remove.mutateAsync({ id: template.id });
      await refresh();
      setDeleting(false);
      onSelect(null);
      notifySuccess(`Templat "${template.name}" dihapus.`);
    } catch (error) {
      notifyError(error, 'Templat tidak terhapus');
    }
  };

  return (
    <Group gap="sm">
      <Button variant="default" onClick={() => setCopying(true)}>
        Salin templat
      </Button>
      {!template.builtIn && (
        <>
          <Button variant={dirty ? 'filled' : 'default'} onClick={saveChanges} loading={save.isPending}>
            Simpan perubahan
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            Hapus templat
          </Button>
        </>
      )}
      <Modal opened={copying} onClose={() => setCopying(false)} title="Salin templat">
        {copying && (
          <CopyForm
            values={values}
            onDone={(key) => {
              setCopying(false);
              if (key) onSelect(key);
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={deleting}
        title="Hapus templat"
        confirmLabel="Hapus templat"
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      >
        Templat "{template.name}" akan dihapus. Log ekspor yang memakainya tetap tersimpan.
      </ConfirmModal>
    </Group>
  );
}

/** Names the office's copy; it starts with the columns, filters and format on the page now. */
function CopyForm({ values, onDone }: { values: ExportTemplateInput; onDone: (key: string | null) => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('exports.saveTemplate');
  const [name, setName] = useState(`${values.name} (salinan)`);
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setNameError(name.trim() ? null : 'Nama templat wajib diisi.');
    if (!name.trim()) return;
    try {
      const saved = await save.mutateAsync({ ...cleanInput(values), name: name.trim() });
      await queryClient.invalidateQueries({ queryKey: ['exports.templates'] });
      notifySuccess(`Templat "${saved.name}" dibuat. Kolom, urutan dan judulnya sekarang dapat diubah.`);
      onDone(saved.key);
    } catch (error) {
      if (error instanceof ApiError && error.fields.name) setNameError(error.fields.name);
      else setFailure(errorMessage(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Nama templat baru"
          description="Nama yang mudah dikenali kantor, misalnya tujuan berkasnya."
          withAsterisk
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            Batal
          </Button>
          <Button type="submit" loading={save.isPending}>
            Salin
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
