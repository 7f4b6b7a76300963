import { useId, useRef, type ReactNode } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';

interface FilePickerProps {
  /** On the native input, so tests can hand it files (Playwright's setInputFiles needs the input itself). */
  testId: string;
  label: ReactNode;
  buttonText: string;
  emptyText: string;
  accept?: string;
  multiple?: boolean;
  files: File[];
  onChange(files: File[]): void;
  /** Marks the button as failing validation (a form field's error is shown by the caller). */
  invalid?: boolean;
}

/**
 * A button that opens the file dialog and the chosen names beside it. Files stay in the
 * browser until the caller reads them; antd's Upload is not used because it wants to send
 * files to a server itself.
 */
export function FilePicker({ testId, label, buttonText, emptyText, accept, multiple = false, files, onChange, invalid = false }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  return (
    <div>
      {label ? (
        <Typography.Text id={labelId} strong style={{ display: 'block', marginBottom: 4 }}>
          {label}
        </Typography.Text>
      ) : null}
      <Space wrap>
        <Button icon={<PaperClipOutlined />} aria-describedby={label ? labelId : undefined} danger={invalid} aria-invalid={invalid || undefined} onClick={() => input.current?.click()}>
          {buttonText}
        </Button>
        {files.length === 0 ? (
          <Typography.Text type="secondary">{emptyText}</Typography.Text>
        ) : (
          files.map((file, index) => (
            <Tag
              key={`${file.name}-${index}`}
              closable
              onClose={(event) => {
                event.preventDefault();
                onChange(files.filter((_, other) => other !== index));
              }}
            >
              {file.name}
            </Tag>
          ))
        )}
      </Space>
      <input
        ref={input}
        type="file"
        data-testid={testId}
        accept={accept}
        multiple={multiple}
        hidden
        // Inline too: antd's form styles give file inputs display:block, which beats the hidden attribute.
        style={{ display: 'none' }}
        aria-hidden
        tabIndex={-1}
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          onChange(multiple ? [...files, ...chosen] : chosen.slice(0, 1));
          // Cleared so choosing the same file again still fires a change.
          event.target.value = '';
        }}
      />
    </div>
  );
}
