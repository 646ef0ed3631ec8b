import {
  Button,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { DocumentTemplate, HeadSignatory, Signatory } from '../../../main/api/documents.contract';
import {
  checkNumberPattern,
  DOCUMENT_KIND_LABEL,
  DOCUMENT_KINDS,
  type DocumentKind,
  formatLetterNumber,
  NIK_DISPLAY_LABEL,
  NIK_DISPLAYS,
  type NikDisplay,
  placeholdersOf,
  templateSchema,
} from '../../../main/domain/documents';
import { formatWaktu, todayIso } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { signatoryId, signatoryOptions, signatoryValue } from './signatories';

interface Props {
  templates: DocumentTemplate[];
  head: HeadSignatory;
  signatories: Signatory[];
  unitCode: string;
  readOnly: boolean;
}

/** The wording, number pattern and default signatory of each kind, one kind at a time. */
export function TemplateEditor({ templates, ...rest }: Props) {
  const [kind, setKind] = useState<DocumentKind>('sk_graduasi');
  const template = templates.find((t) => t.kind === kind);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h5">
          Isi dokumen
        </Title>
        <Select
          label="Jenis dokumen"
          w={320}
          allowDeselect={false}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABEL[k] }))}
          value={kind}
          onChange={(v) => v && setKind(v as DocumentKind)}
        />
      </Group>
      {template && <TemplateForm key={`${kind}-${template.version}`} template={template} {...rest} />}
    </Stack>
  );
}

const TEXT_FIELDS = ['title', 'opening', 'body', 'bodyAlamiah', 'closing'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const TEXT_LABEL: Record<TextField, string> = {
  title: 'Judul',
  opening: 'Pembuka',
  body: 'Isi',
  bodyAlamiah: 'Isi untuk graduasi alamiah',
  closing: 'Penutup',
};
/** Kinds printed for both graduation types, whose wording may differ (alamiah is no achievement). */
const ALAMIAH_KINDS: readonly DocumentKind[] = ['sk_graduasi', 'piagam'];

interface Values extends Record<TextField, string> {
  numberPattern: string;
  signatory: string;
  nikDisplay: NikDisplay;
}

/** The kinds that print one family's NIK (the lists print a table of many, always in full for the ministry). */
const NIK_KINDS: readonly DocumentKind[] = ['sk_graduasi', 'pernyataan_mandiri', 'piagam', 'bast'];

function TemplateForm({
  template,
  head,
  signatories,
  unitCode,
  readOnly,
}: Omit<Props, 'templates'> & { template: DocumentTemplate }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('documents.saveTemplate');
  const kind = template.kind;
  const toInput = (v: Values) => ({
    kind,
    title: v.title,
    opening: v.opening,
    body: v.body,
    bodyAlamiah: v.bodyAlamiah,
    closing: v.closing,
    numberPattern: v.numberPattern,
    signatoryId: signatoryId(v.signatory),
    nikDisplay: v.nikDisplay,
  });
  const form = useForm<Values>({
    initialValues: {
      title: template.title,
      opening: template.opening,
      body: template.body,
      bodyAlamiah: template.bodyAlamiah,
      closing: template.closing,
      numberPattern: template.numberPattern,
      signatory: signatoryValue(template.signatoryId),
      nikDisplay: template.nikDisplay,
    },
    validate: zodValidate(templateSchema, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(toInput(values));
      await queryClient.invalidateQueries({ queryKey: ['documents.settings'] });
      notifySuccess(`Isi ${DOCUMENT_KIND_LABEL[kind].toLowerCase()} disimpan.`);
    } catch (error) {
      if (error instanceof ApiError)
        form.setErrors(serverFieldErrors(error, (f) => (f === 'signatoryId' ? 'signatory' : f)));
      notifyError(error, 'Isi dokumen tidak disimpan');
    }
  });

  const patternProblem = checkNumberPattern(form.values.numberPattern);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TemplateTexts form={form} kind={kind} readOnly={readOnly} />
        <SimpleGrid cols={2}>
          <TextInput
            label="Pola nomor surat"
            description={
              patternProblem
                ? undefined
                : `Contoh: ${formatLetterNumber(form.values.numberPattern, 1, unitCode, todayIso())}`
            }
            readOnly={readOnly}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('numberPattern')}
          />
          <Select
            label="Penandatangan bawaan"
            allowDeselect={false}
            data={signatoryOptions(head, signatories, template.signatoryId)}
            readOnly={readOnly}
            {...form.getInputProps('signatory')}
          />
        </SimpleGrid>
        {NIK_KINDS.includes(kind) && (
          <Radio.Group
            label="NIK di dokumen"
            description="Disamarkan: 3375********0011. Untuk dokumen yang ditunjukkan di depan umum (piagam); surat resmi memuat NIK lengkap."
            {...form.getInputProps('nikDisplay')}
          >
            <Group mt={6}>
              {NIK_DISPLAYS.map((d) => (
                <Radio key={d} value={d} label={NIK_DISPLAY_LABEL[d]} disabled={readOnly} />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Versi {template.version}
            {template.updatedAt && `, diubah ${formatWaktu(template.updatedAt)} oleh ${template.updatedByName ?? '–'}`}.
            Dokumen yang sudah terbit tetap seperti saat dicetak.
          </Text>
          {!readOnly && (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Simpan isi dokumen
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The letter's texts, with the placeholders that go in at the cursor of the last text used. */
function TemplateTexts({
  form,
  kind,
  readOnly,
}: {
  form: UseFormReturnType<Values>;
  kind: DocumentKind;
  readOnly: boolean;
}) {
  const fields = useRef<Partial<Record<TextField, HTMLTextAreaElement | null>>>({});
  const [focused, setFocused] = useState<TextField>('body');

  /** Puts `{name}` where the cursor was in the last text field used (replacing a selection). */
  const insert = (name: string) => {
    const element = fields.current[focused];
    const value = form.values[focused];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const token = `{${name}}`;
    form.setFieldValue(focused, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <>
      <PlaceholderChips kind={kind} onPick={insert} disabled={readOnly} />
      {TEXT_FIELDS.filter((field) => field !== 'bodyAlamiah' || ALAMIAH_KINDS.includes(kind)).map((field) => (
        <Textarea
          key={field}
          description={
            field === 'bodyAlamiah'
              ? 'Untuk keluarga yang graduasi alamiah (tidak ada lagi komponen): bukan keberhasilan keluarga. Kosong: memakai Isi.'
              : undefined
          }
          ref={(el) => {
            fields.current[field] = el;
          }}
          label={TEXT_LABEL[field]}
          withAsterisk={field === 'title'}
          autosize
          minRows={field === 'title' ? 1 : 2}
          maxRows={10}
          readOnly={readOnly}
          onFocus={() => setFocused(field)}
          {...form.getInputProps(field)}
        />
      ))}
    </>
  );
}

/** The kind's placeholders; a click inserts one at the cursor (mouse-down keeps the text field's selection). */
function PlaceholderChips({
  kind,
  onPick,
  disabled,
}: {
  kind: DocumentKind;
  onPick: (name: string) => void;
  disabled: boolean;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Isian yang dapat dipakai
      </Text>
      <Group gap={6}>
        {Object.entries(placeholdersOf(kind)).map(([name, meaning]) => (
          <Tooltip key={name} label={meaning}>
            <Button
              size="compact-xs"
              variant="light"
              radius="xl"
              ff="monospace"
              disabled={disabled}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(name)}
            >
              {`{${name}}`}
            </Button>
          </Tooltip>
        ))}
      </Group>
    </Stack>
  );
}
