import { Button, Form, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { normaliseDocumentNumber } from './types.js';

/** The number printed on the document; checked here with the API's own pattern so a typo is explained at once. */
export function NumberForm({ initial, busy, onSubmit }: { initial: string; busy: boolean; onSubmit(number: string): void }) {
  const { t } = useTranslation();
  return (
    <Form
      layout="inline"
      initialValues={{ number: initial }}
      onFinish={({ number }: { number: string }) => onSubmit(normaliseDocumentNumber(number)!)}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="number"
        label={t('verify.number')}
        rules={[
          { required: true, whitespace: true, message: t('verify.numberRequired') },
          { validator: async (_rule, value: string | undefined) => {
              if (value && value.trim() && !normaliseDocumentNumber(value)) throw new Error(t('verify.numberInvalid'));
            } },
        ]}
        style={{ minWidth: 360 }}
      >
        <Input data-testid="verify-number" placeholder={t('verify.numberPlaceholder')} autoComplete="off" spellCheck={false} allowClear />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy} data-testid="verify-number-submit">
          {t('verify.check')}
        </Button>
      </Form.Item>
    </Form>
  );
}
