import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.js';
import type { PublicDocument } from './types.js';

/** What was signed. The SHA-256 is always known (computed from the bytes checked); the rest only for a document issued here. */
export function DocumentFacts({ document, sha256 }: { document: PublicDocument | null; sha256: string }) {
  const { t } = useTranslation();
  const hash = (
    <Typography.Text code copyable={{ text: sha256 }} style={{ wordBreak: 'break-all' }}>
      <span data-testid="verify-sha256">{sha256}</span>
    </Typography.Text>
  );
  if (!document) {
    return (
      <Descriptions size="small" column={1} items={[
        { key: 'unknown', label: t('verify.record'), children: <Typography.Text type="secondary">{t('verify.unknownDocument')}</Typography.Text> },
        { key: 'sha256', label: t('verify.sha256'), children: hash },
      ]} />
    );
  }
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="verify-document"
      items={[
        { key: 'number', label: t('verify.numberLabel'), children: <Typography.Text strong>{document.number}</Typography.Text> },
        { key: 'kind', label: t('verify.kind'), children: t(`documentKinds.${document.kind}`) },
        { key: 'title', label: t('verify.title'), children: document.title },
        { key: 'issuedAt', label: t('verify.issuedAt'), children: formatDate(document.issuedAt) },
        { key: 'required', label: t('verify.requiredSigners'), children: document.requiredSigners.join(t('verify.listSeparator')) || '—' },
        { key: 'sha256', label: t('verify.sha256'), span: 'filled', children: hash },
      ]}
    />
  );
}
