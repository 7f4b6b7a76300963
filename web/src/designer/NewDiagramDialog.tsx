import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROCESS_KEY_PATTERN } from './newDiagram.js';

interface NewDiagramDialogProps {
  open: boolean;
  /** Process keys (BPMN) or decision ids (DMN) in use: a new one must differ. */
  taken: string[];
  kind: 'bpmn' | 'dmn';
  onCreate(key: string, name: string): void;
  onClose(): void;
}

/** Key and name of a new procedure (or decision): the key becomes the process id, and stays. */
export function NewDiagramDialog({ open, taken, kind, onCreate, onClose }: NewDiagramDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ key: string; name: string }>();
  const prefix = kind === 'bpmn' ? 'designer.newDiagram' : 'designer.dmn.newDecision';
  return (
    <Modal
      open={open}
      title={t(`${prefix}.title`)}
      okText={t('designer.newDiagram.create')}
      cancelText={t('designer.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `new-${kind}-confirm` }}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          onCreate(values.key.trim(), values.name.trim());
          onClose();
        }}
      >
        <Form.Item
          name="key"
          label={t(`${prefix}.key`)}
          extra={t('designer.newDiagram.keyHelp')}
          rules={[
            { required: true, message: t('designer.newDiagram.keyRequired') },
            { pattern: PROCESS_KEY_PATTERN, message: t('designer.newDiagram.keyPattern') },
            { validator: async (_, value: string) => (taken.includes((value ?? '').trim()) ? Promise.reject(new Error(t('designer.newDiagram.keyTaken'))) : undefined) },
          ]}
        >
          <Input data-testid={`new-${kind}-key`} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t(`${prefix}.name`)} rules={[{ required: true, message: t('designer.newDiagram.nameRequired') }]}>
          <Input data-testid={`new-${kind}-name`} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
