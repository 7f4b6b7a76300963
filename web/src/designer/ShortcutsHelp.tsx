import { Button, Popover, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../i18n/index.js';

type Shortcut = keyof Messages['designer']['shortcuts'];

/** The modeler's keyboard shortcuts (bpmn-js binds them to the canvas: click it first). */
const SHORTCUTS: [string, Shortcut][] = [
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Y / Ctrl+Shift+Z', 'redo'],
  ['Ctrl+A', 'selectAll'],
  ['Ctrl+C / Ctrl+V', 'copyPaste'],
  ['Delete / Backspace', 'delete'],
  ['E', 'edit'],
  ['R', 'replace'],
  ['A', 'append'],
  ['C', 'connect'],
  ['H', 'hand'],
  ['L', 'lasso'],
  ['S', 'space'],
  ['Ctrl+F', 'search'],
  ['Ctrl +/−/0', 'zoom'],
  ['← ↑ → ↓', 'move'],
];

export function ShortcutsHelp() {
  const { t } = useTranslation();
  const content = (
    <div style={{ maxWidth: 360 }} data-testid="shortcuts-help">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('designer.shortcuts.hint')}
      </Typography.Paragraph>
      <table style={{ borderSpacing: '8px 2px' }}>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={action}>
              <td>
                <Typography.Text keyboard>{keys}</Typography.Text>
              </td>
              <td>{t(`designer.shortcuts.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Popover content={content} title={t('designer.shortcuts.title')} trigger="click" placement="bottomRight">
      <Button icon={<QuestionCircleOutlined />} data-testid="designer-shortcuts">
        {t('designer.shortcuts.title')}
      </Button>
    </Popover>
  );
}
