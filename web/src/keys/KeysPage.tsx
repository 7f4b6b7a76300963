import { useState } from 'react';
import { Alert, App, Col, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../common/useApiResource.js';
import { useSession } from '../session/SessionContext.js';
import { CertificateCard } from './CertificateCard.js';
import { describeKeyError } from './describeKeyError.js';
import { GenerateKeyCard } from './GenerateKeyCard.js';
import { ImportKeyCard } from './ImportKeyCard.js';
import { deleteKey } from './keyStore.js';
import { keysSupported } from './signingKey.js';
import type { CertificateView, StoredKey } from './types.js';
import { useStoredKey } from './useStoredKey.js';

/** 我的证书: the signing key in this browser, its certificate, and moving it between machines. */
export function KeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const username = user?.username ?? null;
  const supported = keysSupported();
  const key = useStoredKey(supported ? username : null);
  const server = useApiResource<{ certificate: CertificateView | null }>('/api/pki/certificates/mine');
  const [removing, setRemoving] = useState(false);

  const remove = async () => {
    if (!username) return;
    setRemoving(true);
    try {
      await deleteKey(username);
      key.set(null);
      void message.success(t('keys.remove.done'));
    } catch (error) {
      void message.error(describeKeyError(error, t));
    } finally {
      setRemoving(false);
    }
  };

  // A new or imported key may have changed which certificate is current.
  const changed = (stored: StoredKey) => {
    key.set(stored);
    server.reload();
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="keys-title">
          {t('keys.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('keys.subtitle')}</Typography.Text>
      </div>
      {!supported ? (
        <Alert type="error" showIcon data-testid="keys-unsupported" title={t('keys.errors.unsupported')} />
      ) : key.loading || !username ? (
        <Spin style={{ display: 'block', margin: 32 }} />
      ) : (
        <>
          {key.error ? <Alert type="error" showIcon title={t('keys.errors.storage')} description={describeKeyError(key.error, t)} /> : null}
          <CertificateCard stored={key.stored} server={server} removing={removing} onRemove={() => void remove()} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <GenerateKeyCard username={username} replacing={key.stored !== null} onGenerated={changed} />
            </Col>
            <Col xs={24} xl={12}>
              <ImportKeyCard username={username} onImported={changed} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
