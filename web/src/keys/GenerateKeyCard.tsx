import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api.js';
import { saveFile } from '../common/bytes.js';
import { useSubmit } from '../common/useSubmit.js';
import { describeKeyError } from './describeKeyError.js';
import { keyFileName, MIN_PASSPHRASE_LENGTH, type KeyFile } from './keyFile.js';
import { generateKey } from './signingKey.js';
import type { CertificateView, StoredKey } from './types.js';

interface Values {
  passphrase: string;
  confirm: string;
}

const certify = (csr: string) => postJson<CertificateView>('/api/pki/certificates', { csr });

/**
 * The passphrase is asked for before the key exists: the backup can only be made while
 * the key is still extractable, i.e. during generation.
 */
export function GenerateKeyCard({ username, replacing, onGenerated }: { username: string; replacing: boolean; onGenerated(stored: StoredKey): void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit();
  // Ciphertext only; safe to keep on the page until the user has downloaded it.
  const [backup, setBackup] = useState<KeyFile | null>(null);
  const [exported, setExported] = useState(false);

  const generate = ({ passphrase }: Values) =>
    submit.run(async () => {
      setBackup(null);
      setExported(false);
      const result = await generateKey(username, passphrase, certify);
      form.resetFields();
      setBackup(result.backup);
      onGenerated(result.stored);
    });

  const confirmThenGenerate = (values: Values) => {
    if (!replacing) return void generate(values);
    modal.confirm({
      title: t('keys.generate.replaceTitle'),
      content: t('keys.generate.replaceText'),
      okText: t('keys.generate.submit'),
      cancelText: t('keys.cancel'),
      onOk: () => void generate(values),
    });
  };

  const download = () => {
    if (!backup) return;
    saveFile(new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' }), keyFileName(username));
    setExported(true);
  };

  return (
    <Card size="small" title={t('keys.generate.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('keys.generate.intro')}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={confirmThenGenerate} requiredMark={false} style={{ maxWidth: 420 }}>
          <Form.Item
            name="passphrase"
            label={t('keys.generate.passphrase')}
            extra={t('keys.generate.passphraseRule', { count: MIN_PASSPHRASE_LENGTH })}
            rules={[
              { required: true, message: t('keys.generate.tooShort', { count: MIN_PASSPHRASE_LENGTH }) },
              { min: MIN_PASSPHRASE_LENGTH, message: t('keys.generate.tooShort', { count: MIN_PASSPHRASE_LENGTH }) },
            ]}
          >
            <Input.Password data-testid="key-passphrase" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('keys.generate.confirm')}
            dependencies={['passphrase']}
            rules={[
              { required: true, message: t('keys.generate.mismatch') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (value && value !== getFieldValue('passphrase')) throw new Error(t('keys.generate.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password data-testid="key-passphrase-confirm" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={submit.busy} data-testid="key-generate">
            {t('keys.generate.submit')}
          </Button>
        </Form>
        {submit.error ? <Alert type="error" showIcon data-testid="key-generate-error" title={t('keys.generate.failed')} description={describeKeyError(submit.error, t)} /> : null}
        {backup ? (
          <Alert
            type={exported ? 'success' : 'warning'}
            showIcon
            data-testid="key-generated"
            title={t('keys.generate.done')}
            description={
              <Space orientation="vertical">
                <span>{t('keys.generate.exportNow')}</span>
                <Button icon={<DownloadOutlined />} type={exported ? 'default' : 'primary'} onClick={download} data-testid="key-export">
                  {exported ? t('keys.generate.exported') : t('keys.generate.export')}
                </Button>
              </Space>
            }
          />
        ) : null}
      </Space>
    </Card>
  );
}
