import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, postJson } from '../api.js';
import { bilingualText, type ItemDefinition, type MaterialSpec } from '../catalogue/types.js';
import { describeError } from '../i18n/describeError.js';
import { MaterialField, materialRules } from './MaterialField.js';
import { toUpload } from './materialFiles.js';
import { materialIndex, placeServerErrors } from './serverErrors.js';
import { guessRows, type UploadRow } from './correctionRows.js';
import type { CorrectionRequest, SuppliedCorrections } from './types.js';


interface CorrectionValues {
  uploads: UploadRow[];
}

const CODE_PATTERN = /^[a-z][a-z0-9-]{1,60}$/;

/** For a case whose item is not in the catalogue any more: any code, the API decides what it accepts. */
function anyMaterial(code: string): MaterialSpec {
  return { code, name: { zh: code, en: code }, mandatory: true, fileTypes: ['application/pdf', 'image/png', 'image/jpeg'], maxSizeMb: 20 };
}

type Outcome = { kind: 'notReady' | 'gone' | 'failed'; text: string } | null;

/** 补正通知: what the department asks for, and the upload of the missing items. */
export function CorrectionNotice({
  caseId,
  businessKey,
  itemCode,
  item,
  request,
  departmentName,
  onSupplied,
}: {
  caseId: string;
  businessKey: string;
  itemCode: string | null;
  /** The item as the catalogue lists it now (the API checks against the version the case keeps). */
  item: ItemDefinition | undefined;
  request: CorrectionRequest;
  /** A department's name for its code (from the catalogue). */
  departmentName(code: string): string;
  onSupplied(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const initialRows = useMemo(() => guessRows(request, item), [request, item]);
  const specOf = (code: string | undefined): MaterialSpec | undefined => (code ? (item?.materials.find((material) => material.code === code) ?? (item ? undefined : anyMaterial(code))) : undefined);

  const submit = async (values: CorrectionValues) => {
    setBusy(true);
    setOutcome(null);
    const rows = values.uploads.filter((row): row is Required<UploadRow> => Boolean(row.code && row.file?.[0]));
    try {
      const uploads = await Promise.all(rows.map((row) => toUpload(row.file[0]!, row.code)));
      const answer = await postJson<SuppliedCorrections>(`/api/cases/${encodeURIComponent(caseId)}/corrections/${encodeURIComponent(request.requestId)}`, { materials: uploads });
      void message.success(t('mine.corrections.done', { round: answer.round }));
      onSupplied();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CORRECTION_NOT_READY') {
        setOutcome({ kind: 'notReady', text: describeError(error, t) });
        return;
      }
      if (error instanceof ApiError && error.code === 'CORRECTION_NOT_FOUND') {
        setOutcome({ kind: 'gone', text: describeError(error, t) });
        onSupplied();
        return;
      }
      const placed = placeServerErrors(error, (issue) => {
        const index = materialIndex(issue.field);
        return index === null ? null : { name: ['uploads', index, issue.field.endsWith('.code') ? 'code' : 'file'] };
      });
      if (placed && placed.fields.length > 0) form.setFields(placed.fields as Parameters<typeof form.setFields>[0]);
      const general = placed ? placed.general : [describeError(error, t)];
      if (general.length > 0 || !placed) setOutcome({ kind: 'failed', text: general.join('\n') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid={`correction-notice-${request.requestId}`}
      title={t('mine.corrections.title', { businessKey })}
      styles={{ header: { background: 'rgba(250, 140, 22, 0.08)' } }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('mine.corrections.intro')}</Typography.Text>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            ...(request.department ? [{ key: 'department', label: t('mine.corrections.department'), children: <span>{departmentName(request.department)}</span> }] : []),
            {
              key: 'missing',
              label: t('mine.corrections.missing'),
              children: (
                <ul data-testid="correction-missing" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {request.missingItems.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ),
            },
            ...(request.opinion ? [{ key: 'opinion', label: t('mine.corrections.opinion'), children: request.opinion }] : []),
          ]}
        />
        {item ? null : <Alert type="warning" showIcon title={t('mine.corrections.unknownItem', { code: itemCode ?? '—' })} />}
        <Form<CorrectionValues> form={form} layout="vertical" initialValues={{ uploads: initialRows }} disabled={busy} onFinish={(values) => void submit(values)}>
          <Form.List name="uploads">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={12} align="top" data-testid={`correction-row-${field.name}`}>
                    <Col xs={24} md={9}>
                      <Form.Item name={[field.name, 'code']} label={t('mine.corrections.material')} rules={[{ required: true, message: t('mine.corrections.materialRequired') }, ...(item ? [] : [{ pattern: CODE_PATTERN }])]}>
                        {item ? (
                          <Select
                            data-testid={`correction-code-${field.name}`}
                            placeholder={t('mine.corrections.chooseMaterial')}
                            options={item.materials.map((material) => ({ value: material.code, label: bilingualText(material.name) }))}
                          />
                        ) : (
                          <Input data-testid={`correction-code-${field.name}`} placeholder={t('mine.corrections.codePlaceholder')} />
                        )}
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={13}>
                      <Form.Item noStyle shouldUpdate={(before: CorrectionValues, after: CorrectionValues) => before.uploads?.[field.name]?.code !== after.uploads?.[field.name]?.code}>
                        {({ getFieldValue }) => {
                          const spec = specOf(getFieldValue(['uploads', field.name, 'code']) as string | undefined);
                          return (
                            <Form.Item name={[field.name, 'file']} label={t('mine.corrections.file')} rules={spec ? materialRules(spec, t, true) : [{ required: true, message: t('apply.noFile') }]}>
                              {spec ? (
                                <MaterialField material={spec} bare testId={`correction-file-${field.name}`} />
                              ) : (
                                <Typography.Text type="secondary">{t('mine.corrections.chooseMaterial')}</Typography.Text>
                              )}
                            </Form.Item>
                          );
                        }}
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      {fields.length > 1 ? (
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('mine.corrections.remove')} style={{ marginTop: 30 }} onClick={() => remove(field.name)} />
                      ) : null}
                    </Col>
                  </Row>
                ))}
                <Space wrap>
                  <Button icon={<PlusOutlined />} data-testid="correction-add" onClick={() => add({})}>
                    {t('mine.corrections.add')}
                  </Button>
                  <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={busy} data-testid="correction-submit">
                    {t('mine.corrections.submit')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
        {outcome ? (
          <Alert
            type={outcome.kind === 'notReady' ? 'warning' : outcome.kind === 'gone' ? 'info' : 'error'}
            showIcon
            data-testid="correction-outcome"
            title={t(outcome.kind === 'notReady' ? 'mine.corrections.notReady' : outcome.kind === 'gone' ? 'mine.corrections.gone' : 'mine.corrections.failed')}
            description={outcome.text.split('\n').map((line) => <div key={line}>{line}</div>)}
          />
        ) : null}
      </Space>
    </Card>
  );
}
