import { useState } from 'react';
import { Alert, Card, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api.js';
import { formatBytes } from '../common/format.js';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { useSubmit } from '../common/useSubmit.js';
import { describeError } from '../i18n/describeError.js';
import { navigate } from '../navigation.js';
import type { PageProps } from '../pageProps.js';
import { NumberForm } from './NumberForm.js';
import { OfflineCheck } from './OfflineCheck.js';
import { MAX_UPLOAD_BYTES, readUpload, UploadTooLargeError } from './readUpload.js';
import { normaliseDocumentNumber, verifyPath, type VerificationView } from './types.js';
import { UploadForm } from './UploadForm.js';
import { VerificationResult } from './VerificationResult.js';

/**
 * 文件核验, public: by number (the address #/verify/<number> is what a QR code or a link
 * in a letter points to) or by uploading the file, with or without its signatures.
 */
export function VerifyPage({ params }: PageProps) {
  const { t } = useTranslation();
  const number = params.number ? normaliseDocumentNumber(params.number) : null;
  const byNumber = useApiResource<VerificationView>(number ? `/api/verify/${number}` : null);
  const [tab, setTab] = useState<'number' | 'upload'>('number');
  // Each tab keeps its own answer, so switching back and forth never shows one check's verdict under the other's form.
  const [uploaded, setUploaded] = useState<VerificationView | null>(null);
  const upload = useSubmit();

  const checkNumber = (wanted: string) => {
    if (wanted === number) byNumber.reload();
    else navigate(verifyPath(wanted));
  };

  const checkUpload = (document: File, signatures: File[]) =>
    upload.run(async () => {
      setUploaded(null);
      setUploaded(await postJson<VerificationView>('/api/verify', await readUpload(document, signatures)));
    });

  let result;
  let shown: VerificationView | null = null;
  if (tab === 'upload') {
    if (upload.error) {
      const description = upload.error instanceof UploadTooLargeError ? t('verify.tooLarge', { size: formatBytes(MAX_UPLOAD_BYTES) }) : describeError(upload.error, t);
      result = <Alert type="error" showIcon data-testid="verify-error" title={t('verify.failed')} description={description} />;
    } else if (uploaded) {
      shown = uploaded;
      result = <VerificationResult report={uploaded.report} document={uploaded.document} />;
    }
  } else if (params.number && !number) {
    result = <Alert type="error" showIcon data-testid="verify-error" title={t('verify.failed')} description={t('verify.numberInvalid')} />;
  } else if (byNumber.error) {
    result = <LoadError error={byNumber.error} title={t('verify.failed')} onRetry={byNumber.reload} />;
  } else if (byNumber.data) {
    shown = byNumber.data;
    result = <VerificationResult report={byNumber.data.report} document={byNumber.data.document} />;
  } else if (byNumber.loading) {
    result = <Spin style={{ display: 'block', margin: 32 }} />;
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="verify-title">
          {t('verify.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('verify.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key === 'upload' ? 'upload' : 'number')}
          items={[
            { key: 'number', label: t('verify.byNumber'), children: <NumberForm initial={number ?? params.number ?? ''} busy={byNumber.loading} onSubmit={checkNumber} /> },
            { key: 'upload', label: <span data-testid="verify-tab-upload">{t('verify.byUpload')}</span>, children: <UploadForm busy={upload.busy} onSubmit={(document, signatures) => void checkUpload(document, signatures)} /> },
          ]}
        />
      </Card>
      {result}
      <OfflineCheck number={shown?.document?.number} />
    </Space>
  );
}
