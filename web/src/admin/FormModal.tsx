import { useEffect, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../common/useSubmit.js';
import { describeError } from '../i18n/describeError.js';
import { applyServerErrors } from './applyServerErrors.js';

export interface FormModalProps<Values> {
  open: boolean;
  title: string;
  form: FormInstance<Values>;
  /** Server field errors for these names go onto the fields; any other failure shows above the form. */
  fieldNames?: readonly string[];
  onSave(values: Values): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

/** The admin dialogs' frame; filling and resetting the fields stays with the caller, which knows the record being edited. */
export function FormModal<Values>({ open, title, form, fieldNames = [], onSave, onClose, children }: FormModalProps<Values>) {
  const { t } = useTranslation();
  const { busy, error, setError, run } = useSubmit((caught) => applyServerErrors(form, caught, fieldNames));

  // A dialog opened again should not show the previous attempt's failure.
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);

  return (
    <Modal open={open} title={title} okText={t('admin.save')} cancelText={t('admin.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={describeError(error, t)} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void run(() => onSave(values))}>
        {children}
      </Form>
    </Modal>
  );
}
