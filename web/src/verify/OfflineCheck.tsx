import { Card, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const EXAMPLE = 'LIC-20261128-1A2B3C4D';

/**
 * Verification must not depend on trusting this website: with the root certificate (got
 * through a channel the reader trusts) and the revocation list, anyone can repeat the
 * check with our CLI or plain OpenSSL (README, "Electronic seals and certificates").
 */
export function OfflineCheck({ number }: { number?: string | undefined }) {
  const { t } = useTranslation();
  const file = `${number ?? EXAMPLE}.pdf`;
  return (
    <Card size="small" title={t('verify.offline.title')} data-testid="verify-offline">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap size="large">
          <Typography.Link href="/api/pki/root" download data-testid="verify-root-link">
            <DownloadOutlined /> {t('verify.offline.root')}
          </Typography.Link>
          <Typography.Link href="/api/pki/crl" download data-testid="verify-crl-link">
            <DownloadOutlined /> {t('verify.offline.crl')}
          </Typography.Link>
        </Space>
        <Typography.Paragraph style={{ margin: 0 }}>{t('verify.offline.intro')}</Typography.Paragraph>
        {[
          `npx sunshine verify ${file} --ca sunshine-root.pem --crl sunshine.crl.pem`,
          `openssl cms -verify -binary -inform DER -in ${file}.<signer>.p7s -content ${file} -CAfile sunshine-root.pem -purpose any`,
        ].map((command) => (
          // Flex so the copy button sits beside the command rather than under it.
          <Typography.Paragraph key={command} copyable={{ text: command }} style={{ margin: 0, display: 'flex', alignItems: 'flex-start', gap: 8 }}>
            <pre style={{ margin: 0, flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{command}</pre>
          </Typography.Paragraph>
        ))}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('verify.offline.note')}
        </Typography.Paragraph>
      </Space>
    </Card>
  );
}
