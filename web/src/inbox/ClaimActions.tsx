import { Button, Space, Typography } from 'antd';
import { FolderOpenOutlined, RollbackOutlined, SignatureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from './types.js';

export interface ClaimActionsProps {
  item: InboxItem;
  me: string;
  busy: boolean;
  onOpen(item: InboxItem): void;
  onClaim(item: InboxItem): void;
  onUnclaim(item: InboxItem): void;
}

/** Open, and claim when unassigned / unclaim when mine; a task someone else holds only says who. */
export function ClaimActions({ item, me, busy, onOpen, onClaim, onUnclaim }: ClaimActionsProps) {
  const { t } = useTranslation();
  const subject = item.businessKey ?? item.caseId;
  return (
    <Space size="small" wrap>
      <Button size="small" icon={<FolderOpenOutlined />} data-testid={`open-${item.id}`} aria-label={t('inbox.actions.openLabel', { subject })} onClick={() => onOpen(item)}>
        {t('inbox.actions.open')}
      </Button>
      {item.assignee === null ? (
        <Button size="small" type="primary" icon={<SignatureOutlined />} loading={busy} data-testid={`claim-${item.id}`} aria-label={t('inbox.actions.claimLabel', { subject })} onClick={() => onClaim(item)}>
          {t('inbox.actions.claim')}
        </Button>
      ) : item.assignee === me ? (
        <Button size="small" icon={<RollbackOutlined />} loading={busy} data-testid={`unclaim-${item.id}`} aria-label={t('inbox.actions.unclaimLabel', { subject })} onClick={() => onUnclaim(item)}>
          {t('inbox.actions.unclaim')}
        </Button>
      ) : (
        <Typography.Text type="secondary" data-testid={`claimed-by-${item.id}`}>
          {t('inbox.claimedBy', { name: item.assignee })}
        </Typography.Text>
      )}
    </Space>
  );
}
