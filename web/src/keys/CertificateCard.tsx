import { Alert, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import type { Resource } from '../common/useApiResource.js';
import { describeError } from '../i18n/describeError.js';
import { keyState, keyStateAlert } from './keyState.js';
import type { CertificateView, StoredKey } from './types.js';

/** The CA writes the account name as userId by its OID (RFC 4519); people read it better as UID. */
const readableSubject = (subject: string) => subject.replace('0.9.2342.19200300.100.1.1=', 'UID=');

interface CertificateCardProps {
  stored: StoredKey | null;
  server: Resource<{ certificate: CertificateView | null }>;
  removing: boolean;
  onRemove(): void;
}

/** The certificate whose key is in this browser, and whether it is still the account's current one. */
export function CertificateCard({ stored, server, removing, onRemove }: CertificateCardProps) {
  const { t } = useTranslation();
  const current = server.data?.certificate ?? null;
  const state = server.data ? keyState(stored, current) : null;

  return (
    <Card size="small" title={t('keys.current')} data-testid="key-certificate">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {server.error ? (
          <Alert type="warning" showIcon title={t('keys.serverLoadFailed')} description={describeError(server.error, t)} />
        ) : state ? (
          <Alert type={keyStateAlert(state)} showIcon data-testid="key-state" data-state={state} title={t(`keys.state.${state}`, { serial: current?.serial ?? '' })} />
        ) : (
          <Skeleton active paragraph={false} />
        )}
        {stored ? (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'subject', label: t('keys.subject'), children: <span style={{ wordBreak: 'break-all' }}>{readableSubject(stored.subject)}</span> },
                {
                  key: 'serial',
                  label: t('keys.serial'),
                  children: (
                    <Typography.Text code copyable={{ text: stored.serial }}>
                      <span data-testid="key-certificate-serial">{stored.serial}</span>
                    </Typography.Text>
                  ),
                },
                { key: 'validity', label: t('keys.validity'), children: t('keys.validityRange', { from: formatDateTime(stored.notBefore), to: formatDateTime(stored.notAfter) }) },
                { key: 'storedAt', label: t('keys.storedAt'), children: formatDateTime(stored.storedAt) },
              ]}
            />
            <Popconfirm title={t('keys.remove.label')} description={t('keys.remove.confirm')} okText={t('keys.remove.ok')} cancelText={t('keys.cancel')} okButtonProps={{ danger: true }} onConfirm={onRemove}>
              <Button danger icon={<DeleteOutlined />} loading={removing} data-testid="key-remove">
                {t('keys.remove.label')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
    </Card>
  );
}
