import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../common/FilePicker.js';
import { useSubmit } from '../common/useSubmit.js';
import { describeKeyError } from './describeKeyError.js';
import { importKeyFile } from './signingKey.js';
import type { StoredKey } from './types.js';

/** A key file is a few kilobytes; anything much larger is not one and is not read into memory. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Brings a key made on another machine into this browser, from its encrypted backup. */
export function ImportKeyCard({ username, onImported }: { username: string; onImported(stored: StoredKey): void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const file = files[0];

  const run = () =>
    submit.run(async () => {
      setDone(false);
      if (!file) return;
      const text = file.size > MAX_KEY_FILE_BYTES ? '' : await file.text();
      const stored = await importKeyFile(username, text, passphrase);
      setPassphrase('');
      setFiles([]);
      setDone(true);
      onImported(stored);
    });

  return (
    <Card size="small" title={t('keys.import.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('keys.import.intro')}</Typography.Paragraph>
        <FilePicker
          testId="key-import-file"
          label={t('keys.import.file')}
          buttonText={t('keys.import.choose')}
          emptyText={t('verify.noFile')}
          accept=".json,application/json"
          files={files}
          onChange={setFiles}
        />
        <Form layout="vertical" onFinish={() => void run()} requiredMark={false}>
          <Form.Item label={t('keys.import.passphrase')} htmlFor="key-import-passphrase">
            <Input.Password id="key-import-passphrase" data-testid="key-import-passphrase" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<ImportOutlined />} disabled={!file || passphrase.length === 0} loading={submit.busy} data-testid="key-import">
            {t('keys.import.submit')}
          </Button>
        </Form>
        {submit.error ? <Alert type="error" showIcon data-testid="key-import-error" title={t('keys.import.failed')} description={describeKeyError(submit.error, t)} /> : null}
        {done ? <Alert type="success" showIcon data-testid="key-imported" title={t('keys.import.done')} /> : null}
      </Space>
    </Card>
  );
}
