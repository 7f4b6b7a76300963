import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const KEYS = [
  { keys: ['↑', '↓', 'j', 'k'], action: 'move' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['c'], action: 'claim' },
  { keys: ['u'], action: 'unclaim' },
] as const;

/** The inbox's keyboard shortcuts, spelled out under the table. */
export function KeyboardHelp() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" data-testid="inbox-keyboard-help" style={{ margin: 0 }}>
      {t('inbox.keys.title')}{' '}
      {KEYS.map(({ keys, action }, index) => (
        <span key={action}>
          {index > 0 ? ' · ' : null}
          {keys.map((key, keyIndex) => (
            <span key={key}>
              {keyIndex > 0 ? ' / ' : null}
              <Typography.Text keyboard>{key}</Typography.Text>
            </span>
          ))}{' '}
          {t(`inbox.keys.${action}`)}
        </span>
      ))}
    </Typography.Paragraph>
  );
}
