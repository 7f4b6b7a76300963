import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localizeBilingual } from '../i18n/index.js';
import { DocumentFacts } from './DocumentFacts.js';
import { SignersTable } from './SignersTable.js';
import { STATUS_LOOK } from './statusLook.js';
import type { PublicDocument, VerificationReport } from './types.js';

/**
 * A verification answer, the verdict first and large (most readers only need that), then
 * why, what was signed, by whom, and who is still missing. Shared by the public
 * verification page and the signing page.
 */
export function VerificationResult({ report, document }: { report: VerificationReport; document: PublicDocument | null }) {
  // Subscribed so a language switch re-renders the reasons too (localizeBilingual reads the current language).
  const { t } = useTranslation();
  const look = STATUS_LOOK[report.status];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div data-testid="verify-status" data-status={report.status} role="status">
        <Alert
          type={look.alert}
          showIcon
          icon={<span style={{ fontSize: 32 }}>{look.icon}</span>}
          title={
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t(`verify.status.${report.status}`)}
            </Typography.Title>
          }
          description={
            <Space orientation="vertical" size={4}>
              <span>{t(`verify.statusHint.${report.status}`)}</span>
              {report.reasons.length > 0 ? (
                <ul data-testid="verify-reasons" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {report.reasons.map((reason) => (
                    <li key={reason}>{localizeBilingual(reason)}</li>
                  ))}
                </ul>
              ) : null}
            </Space>
          }
        />
      </div>
      <Card size="small" title={t('verify.what')}>
        <DocumentFacts document={document} sha256={report.sha256} />
      </Card>
      <Card size="small" title={t('verify.signers')}>
        <SignersTable signers={report.signers} documentNumber={document?.number ?? null} />
        {report.missing.length > 0 ? (
          <div data-testid="verify-missing" style={{ marginTop: 12 }}>
            <Typography.Text strong style={{ marginInlineEnd: 8 }}>
              {t('verify.missing')}
            </Typography.Text>
            {report.missing.map((signer) => (
              <Tag key={signer} color="warning">
                {signer}
              </Tag>
            ))}
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
