import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

/** Deactivating asks first (it shuts people out at once); activating again is harmless and does not. */
export function ActiveToggle({ active, confirmTitle, onChange }: { active: boolean; confirmTitle: string; onChange(active: boolean): Promise<void> }) {
  const { t } = useTranslation();
  return active ? (
    <Popconfirm title={confirmTitle} onConfirm={() => onChange(false)}>
      <Button size="small" danger>
        {t('admin.deactivate')}
      </Button>
    </Popconfirm>
  ) : (
    <Button size="small" onClick={() => void onChange(true)}>
      {t('admin.activate')}
    </Button>
  );
}
