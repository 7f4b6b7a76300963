import { Form, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../common/FilePicker.js';
import { formatBytes } from '../common/format.js';
import { bilingualText, maxSizeBytes, type MaterialSpec } from '../catalogue/types.js';
import { acceptFor, fileProblem, typeLabels } from './materialFiles.js';
import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form/index.js';

interface MaterialFieldProps {
  material: MaterialSpec;
  testId: string;
  /** Without a label of its own (a row of the corrections form, whose material is chosen beside it). */
  bare?: boolean;
  /** From Form.Item (the id lets the form scroll to a field with an error). */
  id?: string;
  value?: File[];
  onChange?(files: File[]): void;
}

/** One material's file picker as a form control; the chosen file stays in the browser until submitted. */
export function MaterialField({ material, testId, bare = false, id, value, onChange }: MaterialFieldProps) {
  const { t } = useTranslation();
  const { status } = Form.Item.useStatus();
  const name = bilingualText(material.name);
  const label = bare ? null : (
    <Space size="small" wrap>
      <span>{name}</span>
      {material.mandatory ? <Tag color="red">{t('catalogue.mandatory')}</Tag> : <Tag>{t('catalogue.optional')}</Tag>}
      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
        {t('apply.accepts', { types: typeLabels(material.fileTypes, t('common.listSeparator')), size: formatBytes(maxSizeBytes(material)) })}
      </Typography.Text>
    </Space>
  );
  return (
    <div id={id}>
      <FilePicker
      testId={testId}
      label={label}
      buttonText={t('apply.choose')}
      emptyText={t('apply.noFile')}
      accept={acceptFor(material.fileTypes)}
      files={value ?? []}
      onChange={(files) => onChange?.(files)}
      invalid={status === 'error'}
      />
    </div>
  );
}

/** Checks the chosen file against the service guide: present if mandatory, accepted type, size. */
export function materialRules(material: MaterialSpec, t: TFunction, required = material.mandatory): Rule[] {
  const name = bilingualText(material.name);
  return [
    {
      validator: async (_rule, files: File[] | undefined) => {
        const file = files?.[0];
        if (!file) {
          if (required) throw new Error(t('apply.fileRequired', { name }));
          return;
        }
        switch (fileProblem(file, material)) {
          case 'type':
            throw new Error(t('apply.fileType', { name, types: typeLabels(material.fileTypes, t('common.listSeparator')) }));
          case 'size':
            throw new Error(t('apply.fileSize', { name, size: formatBytes(maxSizeBytes(material)) }));
          case 'empty':
            throw new Error(t('apply.fileEmpty', { name }));
          case null:
            return;
        }
      },
    },
  ];
}
