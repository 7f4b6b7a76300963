import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describeError.js';

interface CommentDialogProps {
  open: boolean;
  title: string;
  okText: string;
  /** What the dialog is about (the file, the process key, a warning). */
  children?: ReactNode;
  testId: string;
  onSubmit(comment: string): Promise<void>;
  onClose(): void;
}

/** Asks for a comment (a draft's note, a deployment's reason) and runs the action with it. */
export function CommentDialog({ open, title, okText, children, testId, onSubmit, onClose }: CommentDialogProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) {
      setComment('');
      setError(null);
    }
  }, [open]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(comment.trim());
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('designer.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `${testId}-confirm` }}
      destroyOnHidden
    >
      {children}
      <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
        {t('designer.comment')}
      </Typography.Text>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        placeholder={t('designer.commentPlaceholder')}
        data-testid={`${testId}-comment`}
        aria-label={t('designer.comment')}
      />
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={describeError(error, t)} data-testid={`${testId}-error`} /> : null}
    </Modal>
  );
}
