import { Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import { SIGNER_TAG } from './statusLook.js';
import { signatureUrl, type SignerReport } from './types.js';

/**
 * Who signed, when and with what result. With the document's number each row links its
 * .p7s, so the check can be repeated offline.
 */
export function SignersTable({ signers, documentNumber }: { signers: SignerReport[]; documentNumber: string | null }) {
  const { t } = useTranslation();
  return (
    <Table<SignerReport>
      data-testid="verify-signers"
      size="small"
      pagination={false}
      rowKey={(signer) => `${signer.serial ?? ''}-${signer.signer ?? ''}-${signer.signedAt ?? ''}`}
      dataSource={signers}
      locale={{ emptyText: t('verify.noSigners') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('verify.signer.name'), key: 'name', render: (_v, signer) => signer.name ?? '—' },
        {
          title: t('verify.signer.code'),
          key: 'code',
          render: (_v, signer) => (signer.signer ? <Typography.Text code>{signer.signer}</Typography.Text> : '—'),
        },
        { title: t('verify.signer.signedAt'), key: 'signedAt', render: (_v, signer) => formatDateTime(signer.signedAt) },
        {
          title: t('verify.signer.status'),
          key: 'status',
          render: (_v, signer) => (
            <Tag color={SIGNER_TAG[signer.status]} data-status={signer.status}>
              {t(`verify.signerStatus.${signer.status}`)}
            </Tag>
          ),
        },
        { title: t('verify.signer.reason'), key: 'reason', render: (_v, signer) => (signer.reason ? localizeBilingual(signer.reason) : '—') },
        {
          title: t('verify.signer.file'),
          key: 'file',
          render: (_v, signer) =>
            documentNumber && signer.signer ? (
              <Typography.Link href={signatureUrl(documentNumber, signer.signer)} download aria-label={t('verify.signer.fileLabel', { name: signer.name ?? signer.signer })}>
                <DownloadOutlined /> .p7s
              </Typography.Link>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
