import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.js';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { useSubmit } from '../common/useSubmit.js';
import { describeError } from '../i18n/describeError.js';
import { keysSupported } from '../keys/signingKey.js';
import { useStoredKey } from '../keys/useStoredKey.js';
import type { PageProps } from '../pageProps.js';
import { useSession } from '../session/SessionContext.js';
import { normaliseDocumentNumber, verifyPath, type VerificationReport, type VerificationView } from '../verify/types.js';
import { VerificationResult } from '../verify/VerificationResult.js';
import { signAndSubmit } from './signDocument.js';
import { documentFileUrl } from './types.js';
import { useDocumentFile } from './useDocumentFile.js';

/** One document to sign: what it is, its preview and fingerprint, and the signature made here. */
export function SignDocumentPage({ params }: PageProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const username = user?.username ?? null;
  const number = normaliseDocumentNumber(params.number ?? '');
  // The public verification answer doubles as the document's description and who has signed so far.
  const verification = useApiResource<VerificationView>(number ? `/api/verify/${number}` : null);
  const { file, error: fileError } = useDocumentFile(number);
  const key = useStoredKey(keysSupported() ? username : null);
  const submit = useSubmit();
  const [signed, setSigned] = useState<VerificationReport | null>(null);

  if (!number) return <Alert type="error" showIcon title={t('verify.numberInvalid')} />;
  const document = verification.data?.document ?? null;

  const back = (
    <Typography.Link href="#/sign">
      <ArrowLeftOutlined /> {t('sign.back')}
    </Typography.Link>
  );
  if (verification.error) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <LoadError error={verification.error} title={t('sign.fileLoadFailed')} onRetry={verification.reload} />
      </Space>
    );
  }
  if (!verification.data || !document) return <Spin size="large" style={{ display: 'block', marginTop: 64 }} />;

  const report = signed ?? verification.data.report;
  const validSigners = report.signers.filter((signer) => signer.status === 'valid').map((signer) => signer.signer);
  const isSigner = username !== null && document.requiredSigners.includes(username);
  const hashMatches = file !== null && file.sha256 === document.sha256;

  const sign = () =>
    submit.run(async () => {
      if (!file || !key.stored) return;
      setSigned(await signAndSubmit(number, file.content, key.stored));
    });

  let action;
  if (signed) {
    action = <Alert type="success" showIcon data-testid="sign-done" title={t('sign.done')} action={<Button href={`#${verifyPath(number)}`} data-testid="sign-verify-link">{t('sign.verifyLink')}</Button>} />;
  } else if (!isSigner) {
    action = <Alert type="info" showIcon title={t('sign.notSigner')} />;
  } else if (validSigners.includes(username)) {
    action = <Alert type="success" showIcon title={t('sign.alreadySigned')} action={<Button href={`#${verifyPath(number)}`}>{t('sign.verifyLink')}</Button>} />;
  } else if (!keysSupported()) {
    action = <Alert type="error" showIcon title={t('keys.errors.unsupported')} />;
  } else if (key.loading) {
    action = <Spin />;
  } else if (!key.stored) {
    action = <Alert type="warning" showIcon data-testid="sign-no-key" title={t('sign.noKey')} action={<Button type="primary" href="#/keys">{t('sign.toKeys')}</Button>} />;
  } else if (fileError) {
    action = <LoadError error={fileError} title={t('sign.fileLoadFailed')} />;
  } else if (!file) {
    action = <Spin />;
  } else if (!hashMatches) {
    action = <Alert type="error" showIcon title={t('sign.hashDiffers')} />;
  } else {
    action = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('sign.statement', { title: document.title, number })}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('sign.withCertificate', { serial: key.stored.serial })}</Typography.Text>
        {submit.error ? <Alert type="error" showIcon data-testid="sign-error" title={t('sign.failed')} description={describeError(submit.error, t)} /> : null}
        <Button type="primary" size="large" icon={<EditOutlined />} loading={submit.busy} onClick={() => void sign()} data-testid="sign-submit">
          {t('sign.submit')}
        </Button>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {document.title} <Typography.Text code>{document.number}</Typography.Text>
      </Typography.Title>
      {/* Full width above the preview: the outcome of signing is the news, and the signers table needs the room. */}
      {signed ? <VerificationResult report={signed} document={document} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('sign.about')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'kind', label: t('verify.kind'), children: t(`documentKinds.${document.kind}`) },
                  { key: 'issuedAt', label: t('verify.issuedAt'), children: formatDate(document.issuedAt) },
                  { key: 'required', label: t('verify.requiredSigners'), children: document.requiredSigners.map((signer) => <Tag key={signer} color={validSigners.includes(signer) ? 'success' : 'default'}>{signer}</Tag>) },
                  {
                    key: 'sha256',
                    label: t('sign.sha256'),
                    children: file ? (
                      <Space orientation="vertical" size={0}>
                        <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="sign-sha256">
                          {file.sha256}
                        </Typography.Text>
                        {hashMatches ? (
                          <Typography.Text type="success"><CheckCircleOutlined /> {t('sign.hashMatches')}</Typography.Text>
                        ) : (
                          <Typography.Text type="danger"><WarningOutlined /> {t('sign.hashDiffers')}</Typography.Text>
                        )}
                      </Space>
                    ) : fileError ? '—' : <Spin size="small" />,
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('sign.signature')}>{action}</Card>
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('sign.preview')} extra={<Typography.Link href={documentFileUrl(number)} target="_blank" rel="noopener">{t('sign.openNewTab')}</Typography.Link>}>
            {file ? (
              <iframe data-testid="sign-preview" title={t('sign.previewLabel', { title: document.title })} src={file.previewUrl} style={{ width: '100%', height: '75vh', border: 0 }} />
            ) : fileError ? (
              <LoadError error={fileError} title={t('sign.fileLoadFailed')} />
            ) : (
              <Spin style={{ display: 'block', margin: 32 }} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
