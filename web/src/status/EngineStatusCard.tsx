import { Badge, Card, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { localizeBilingual, type Language } from '../i18n/index.js';
import type { EngineStatus } from './types.js';

const { Text } = Typography;

export function EngineStatusCard({ engine }: { engine: EngineStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;

  // The engine reports a bare "7.24.0"; the product name is added here, but not twice.
  const versionText =
    engine.version === null
      ? t('status.versionUnknown')
      : /^camunda\b/i.test(engine.version)
        ? engine.version
        : t('status.engineVersion', { version: engine.version });

  const checkedAt = new Date(engine.checkedAt);
  const checkedAtText = Number.isNaN(checkedAt.getTime()) ? engine.checkedAt : checkedAt.toLocaleString(language);

  return (
    <Card title={t('status.engineCard')} extra={<Text type="secondary">{t('status.refreshHint')}</Text>}>
      <Space orientation="vertical" size="small">
        <Space size="middle" wrap>
          <Badge status={engine.reachable ? 'processing' : 'error'} />
          {engine.reachable ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="engine-status">
              {t('status.running')}
            </Tag>
          ) : (
            <Tag color="error" icon={<CloseCircleOutlined />} data-testid="engine-status">
              {t('status.unreachable')}
            </Tag>
          )}
          <Text strong data-testid="engine-version">
            {versionText}
          </Text>
        </Space>
        {!engine.reachable && engine.message ? (
          <Text type="danger" data-testid="engine-message">
            {localizeBilingual(engine.message, language)}
          </Text>
        ) : null}
        <Text type="secondary">{t('status.checkedAt', { time: checkedAtText })}</Text>
      </Space>
    </Card>
  );
}
