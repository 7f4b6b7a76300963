import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag, Typography, theme } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { projectFieldLabel, projectValueText } from '../../applications/projectLabels.js';
import { currentLanguage } from '../../i18n/index.js';
import type { FindingLevel, PrecheckOutcome, PrecheckResult } from '../types.js';

const OUTCOME_COLOURS: Record<PrecheckOutcome, string> = { pass: 'green', attention: 'orange', correction: 'red' };
function levelIcon(level: FindingLevel, token: ReturnType<typeof theme.useToken>['token']): ReactNode {
  switch (level) {
    case 'info':
      return <InfoCircleOutlined style={{ color: token.colorInfo }} />;
    case 'attention':
      return <ExclamationCircleOutlined style={{ color: token.colorWarning }} />;
    case 'correction':
      return <WarningOutlined style={{ color: token.colorError }} />;
  }
}

/**
 * 自动预审结果: what the department's rules (workers/precheck/, DMN tables) concluded from
 * the project facts, shown to the reviewer beside the decision form. It advises only.
 */
export function PrecheckCard({ precheck }: { precheck: PrecheckResult }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const english = currentLanguage() === 'en';
  const facts = Object.entries(precheck.facts);

  return (
    <Card
      type="inner"
      size="small"
      data-testid="precheck"
      style={{ marginBottom: 16 }}
      title={
        <Space size="small">
          {t('decision.precheck.title')}
          <Tag color={OUTCOME_COLOURS[precheck.outcome]} icon={precheck.outcome === 'pass' ? <CheckCircleOutlined /> : undefined} data-testid="precheck-outcome" data-outcome={precheck.outcome}>
            {t(`decision.precheck.outcome.${precheck.outcome}`)}
          </Tag>
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('decision.precheck.department', { department: precheck.department })}</Typography.Text>}
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('decision.precheck.findings')}</Typography.Text>
          {precheck.findings.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('decision.precheck.noFindings')}
            </Typography.Paragraph>
          ) : (
            <ul data-testid="precheck-findings" style={{ margin: '4px 0 0', paddingInlineStart: 0, listStyle: 'none' }}>
              {precheck.findings.map((finding) => (
                <li key={finding.code} data-level={finding.level} style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginBottom: 4 }}>
                  <span role="img" aria-label={t(`decision.precheck.level.${finding.level}`)}>
                    {levelIcon(finding.level, token)}
                  </span>
                  <span>{english ? finding.en : finding.zh}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {facts.length > 0 ? (
          <Descriptions
            data-testid="precheck-facts"
            title={<Typography.Text strong>{t('decision.precheck.facts')}</Typography.Text>}
            size="small"
            bordered
            // One per line: the decision panel is a narrow column.
            column={1}
            items={facts.map(([key, value]) => ({
              key,
              label: projectFieldLabel(t, key),
              children:
                value === null ? (
                  <Typography.Text type="secondary" italic>
                    {t('decision.precheck.notGiven')}
                  </Typography.Text>
                ) : (
                  projectValueText(t, key, value)
                ),
            }))}
          />
        ) : null}
        {precheck.decisions.length > 0 ? (
          <div data-testid="precheck-decisions">
            <Typography.Text type="secondary">{t('decision.precheck.decisions')}{t('catalogue.separator')}</Typography.Text>
            {precheck.decisions.map((key) => (
              <Tag key={key} style={{ fontFamily: 'monospace' }}>
                {key}
              </Tag>
            ))}
          </div>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('decision.precheck.hint')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
