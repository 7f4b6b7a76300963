import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../common/format.js';
import { FilePicker } from '../common/FilePicker.js';
import { MAX_UPLOAD_BYTES } from './readUpload.js';

/** A PDF and, optionally, its .p7s files; nothing is sent until the user asks for the check. */
export function UploadForm({ busy, onSubmit }: { busy: boolean; onSubmit(document: File, signatures: File[]): void }) {
  const { t } = useTranslation();
  const [document, setDocument] = useState<File[]>([]);
  const [signatures, setSignatures] = useState<File[]>([]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('verify.uploadHint', { size: formatBytes(MAX_UPLOAD_BYTES) })}
      </Typography.Paragraph>
      <FilePicker
        testId="verify-upload-document"
        label={t('verify.document')}
        buttonText={t('verify.chooseDocument')}
        emptyText={t('verify.noFile')}
        accept=".pdf,application/pdf"
        files={document}
        onChange={setDocument}
      />
      <FilePicker
        testId="verify-upload-signatures"
        label={t('verify.signatureFiles')}
        buttonText={t('verify.chooseSignatures')}
        emptyText={t('verify.noFile')}
        accept=".p7s,application/pkcs7-signature"
        multiple
        files={signatures}
        onChange={setSignatures}
      />
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        disabled={document.length === 0}
        loading={busy}
        data-testid="verify-upload-submit"
        onClick={() => document[0] && onSubmit(document[0], signatures)}
      >
        {t('verify.check')}
      </Button>
    </Space>
  );
}
