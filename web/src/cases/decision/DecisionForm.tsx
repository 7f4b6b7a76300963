import { useState } from 'react';
import { Alert, App, Button, Form } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { postJson } from '../../api.js';
import { describeError } from '../../i18n/describeError.js';
import type { TaskDetail } from '../types.js';
import { FieldControl } from './FieldControl.js';
import { initialValues, mapServerErrors, toSubmission } from './submission.js';

/** The task's decision form, generated from the fields its diagram declares; editable only while the task is mine. */
export function DecisionForm({ task, editable, onCompleted }: { task: TaskDetail; editable: boolean; onCompleted(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string[] | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    setError(null);
    try {
      await postJson<null>(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { values: toSubmission(task.form, values) });
      void message.success(t('decision.done'));
      onCompleted();
    } catch (caught) {
      const mapped = mapServerErrors(caught, task.form, t);
      if (mapped) {
        form.setFields(mapped.fields);
        setError(mapped.general.length > 0 ? mapped.general : null);
      } else {
        setError([describeError(caught, t)]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div data-testid="decision-form">
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="decision-error"
          style={{ marginBottom: 16 }}
          title={t('decision.failed')}
          description={error.length === 1 ? error[0] : error.map((line) => <div key={line}>{line}</div>)}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(task.form)}
        disabled={!editable || submitting}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        {task.form.map((field) => (
          <FieldControl key={field.id} field={field} disabled={!editable} />
        ))}
        {task.form.length === 0 ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('decision.noFields')} /> : null}
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submitting} disabled={!editable} data-testid="decision-submit">
          {t('decision.submit')}
        </Button>
      </Form>
    </div>
  );
}
