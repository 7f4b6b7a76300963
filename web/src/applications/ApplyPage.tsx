import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Collapse, Descriptions, Form, Input, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, postJson } from '../api.js';
import { formatDateTime } from '../common/format.js';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { LimitsText, ServiceGuide } from '../catalogue/ServiceGuide.js';
import { bilingualText, type CatalogueEntry, type ItemDefinition } from '../catalogue/types.js';
import { describeError } from '../i18n/describeError.js';
import { navigate } from '../navigation.js';
import type { PageProps } from '../pageProps.js';
import { useSession } from '../session/SessionContext.js';
import { hasAnyRole } from '../session/types.js';
import { materialRules, MaterialField } from './MaterialField.js';
import { toUpload } from './materialFiles.js';
import { CONSTRUCTION_PANEL, ProjectFields } from './ProjectFields.js';
import { PROJECT_FIELD_PATHS, toProject, type ProjectFormValues } from './projectFields.js';
import { materialIndex, missingMaterialCode, placeServerErrors, type FieldPath, type ServerIssue } from './serverErrors.js';
import type { ApplicationBody, SubmittedApplication } from './types.js';

interface ApplicationValues {
  applicant: string;
  project: ProjectFormValues;
  greenChannel?: boolean;
  /** Chosen file per material code (at most one each). */
  files?: Record<string, File[] | undefined>;
}

/** 申请: the application form of one catalogue item, then its case number. */
export function ApplyPage({ params }: PageProps) {
  const { t } = useTranslation();
  const code = params.code ?? '';
  const entry = useApiResource<CatalogueEntry>(`/api/catalogue/${encodeURIComponent(code)}`);
  const [submitted, setSubmitted] = useState<SubmittedApplication | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/apply')}>
      {t('apply.back')}
    </Button>
  );

  if (entry.error && !entry.data) {
    const unknown = entry.error instanceof ApiError && entry.error.status === 404;
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {back}
        {unknown ? <Alert type="warning" showIcon data-testid="apply-unknown-item" title={describeError(entry.error, t)} /> : <LoadError error={entry.error} title={t('catalogue.loadFailed')} onRetry={entry.reload} />}
      </Space>
    );
  }
  if (!entry.data) return <Spin size="large" style={{ display: 'block', marginTop: 64 }} />;

  const item = entry.data.definition;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap size="middle" align="center">
        {back}
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="apply-title">
          {t('apply.formTitle', { name: bilingualText(item.name) })}
        </Typography.Title>
      </Space>
      {submitted ? (
        <Submitted item={item} result={submitted} />
      ) : !entry.data.active ? (
        <Alert type="warning" showIcon title={t('catalogue.withdrawn')} />
      ) : (
        <ApplicationForm item={item} onSubmitted={setSubmitted} />
      )}
    </Space>
  );
}

function Submitted({ item, result }: { item: ItemDefinition; result: SubmittedApplication }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const citizen = hasAnyRole(user, ['citizen']);
  return (
    <Card data-testid="apply-submitted">
      <Result
        status="success"
        title={t('apply.submitted.title')}
        subTitle={citizen ? t('apply.submitted.subtitle') : t('apply.submitted.clerkSubtitle')}
        extra={[
          citizen ? (
            <Button key="mine" type="primary" data-testid="apply-to-mine" onClick={() => navigate('/applications')}>
              {t('apply.submitted.mine')}
            </Button>
          ) : (
            <Button key="inbox" type="primary" data-testid="apply-to-inbox" onClick={() => navigate('/inbox')}>
              {t('apply.submitted.inbox')}
            </Button>
          ),
          <Button key="another" onClick={() => navigate('/apply')}>
            {t('apply.submitted.another')}
          </Button>,
        ]}
      >
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'businessKey', label: t('apply.submitted.businessKey'), children: <Typography.Text strong copyable data-testid="apply-business-key">{result.businessKey}</Typography.Text> },
            { key: 'item', label: t('apply.submitted.item'), children: `${bilingualText(item.name)} · ${t('cases.summary.version', { version: result.catalogueVersion })}` },
            { key: 'deadline', label: t('apply.submitted.deadline'), children: <span data-testid="apply-deadline">{formatDateTime(result.deadline)}</span> },
          ]}
        />
      </Result>
    </Card>
  );
}

/** Where a server issue goes on this form: `codes` are the material codes in the order they were sent. */
function resolver(item: ItemDefinition, codes: string[], t: TFunction) {
  return (issue: ServerIssue): { name: FieldPath; text?: string } | null => {
    const index = materialIndex(issue.field);
    if (index !== null) {
      const code = codes[index];
      return code ? { name: ['files', code] } : null;
    }
    const missing = missingMaterialCode(issue);
    const material = missing ? item.materials.find((candidate) => candidate.code === missing) : undefined;
    if (material) return { name: ['files', material.code], text: t('apply.fileRequired', { name: bilingualText(material.name) }) };
    if (issue.field === 'applicant' || (issue.field === 'greenChannel' && item.greenChannel)) return { name: [issue.field] };
    if (PROJECT_FIELD_PATHS.has(issue.field)) return { name: issue.field.split('.') };
    return null;
  };
}

function ApplicationForm({ item, onSubmitted }: { item: ItemDefinition; onSubmitted(result: SubmittedApplication): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<ApplicationValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [panels, setPanels] = useState<string[]>([]);
  const citizen = hasAnyRole(user, ['citizen']);

  const submit = async (values: ApplicationValues) => {
    setBusy(true);
    setFailure(null);
    // Only materials with a file are sent; the API reports an issue by its index in this list.
    const chosen = item.materials.flatMap((material) => {
      const file = values.files?.[material.code]?.[0];
      return file ? [{ code: material.code, file }] : [];
    });
    try {
      const body: ApplicationBody = {
        itemCode: item.code,
        applicant: values.applicant.trim(),
        project: toProject(values.project ?? {}),
        greenChannel: item.greenChannel ? values.greenChannel === true : false,
        materials: await Promise.all(chosen.map(({ code, file }) => toUpload(file, code))),
      };
      onSubmitted(await postJson<SubmittedApplication>('/api/applications', body));
    } catch (error) {
      const placed = placeServerErrors(
        error,
        resolver(
          item,
          chosen.map((entry) => entry.code),
          t,
        ),
      );
      if (placed && placed.fields.length > 0) {
        // Paths come from the server's answer, so they are not typed against the form's values.
        form.setFields(placed.fields as Parameters<typeof form.setFields>[0]);
        if (placed.fields.some((field) => field.name[0] === 'project' && !['name', 'address', 'type', 'investmentWan', 'governmentInvested'].includes(String(field.name[1])))) {
          setPanels([CONSTRUCTION_PANEL]);
        }
        form.scrollToField(placed.fields[0]!.name as Parameters<typeof form.scrollToField>[0]);
        setFailure(placed.general.length > 0 ? placed.general : [t('apply.fixErrors')]);
      } else {
        setFailure(placed?.general.length ? placed.general : [describeError(error, t)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<ApplicationValues>
      form={form}
      layout="vertical"
      initialValues={{ applicant: citizen ? (user?.displayName ?? '') : '', greenChannel: false }}
      disabled={busy}
      scrollToFirstError
      onFinish={(values) => void submit(values)}
      onFinishFailed={({ errorFields }) => {
        if (errorFields.some((field) => field.name[0] === 'project' && field.name.length > 2)) setPanels([CONSTRUCTION_PANEL]);
      }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {citizen ? null : <Alert type="info" showIcon title={t('apply.clerkNote')} />}
        <Card size="small">
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <LimitsText item={item} />
            <Collapse size="small" ghost items={[{ key: 'guide', label: t('apply.guide'), children: <ServiceGuide item={item} testId="apply-guide" /> }]} />
          </Space>
        </Card>
        <Card size="small" title={t('apply.sections.applicant')}>
          <Form.Item
            name="applicant"
            label={t('apply.applicant')}
            rules={[{ required: true, whitespace: true, message: t('apply.required', { label: t('apply.sections.applicant') }) }, { max: 200 }]}
          >
            <Input data-testid="apply-applicant" maxLength={200} autoComplete="organization" />
          </Form.Item>
          {item.greenChannel ? (
            <Form.Item name="greenChannel" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid="apply-green-channel">{t('apply.greenChannel', { count: item.greenChannel.committedDays })}</Checkbox>
            </Form.Item>
          ) : null}
        </Card>
        <Card size="small" title={t('apply.sections.project')}>
          <ProjectFields openPanels={panels} onOpenPanels={setPanels} />
        </Card>
        <Card size="small" title={t('apply.sections.materials')}>
          <Typography.Paragraph type="secondary">{t('apply.materialsHint')}</Typography.Paragraph>
          {item.materials.map((material) => (
            <div key={material.code} data-testid={`apply-material-${material.code}`}>
              <Form.Item name={['files', material.code]} rules={materialRules(material, t)}>
                <MaterialField material={material} testId={`apply-file-${material.code}`} />
              </Form.Item>
            </div>
          ))}
        </Card>
        {failure ? (
          <Alert
            type="error"
            showIcon
            data-testid="apply-error"
            title={t('apply.failed')}
            description={failure.length === 1 ? failure[0] : failure.map((line) => <div key={line}>{line}</div>)}
          />
        ) : null}
        <Button type="primary" htmlType="submit" size="large" icon={<SendOutlined />} loading={busy} data-testid="apply-submit">
          {t('apply.submit')}
        </Button>
      </Space>
    </Form>
  );
}
