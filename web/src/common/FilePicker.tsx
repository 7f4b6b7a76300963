import { useId, useRef } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';

interface FilePickerProps {
  /** On the native input, so tests can hand it files (Playwright's setInputFiles needs the input itself). */
  testId: string;
  label: string;
  buttonText: string;
  emptyText: string;
  accept?: string;
  multiple?: boolean;
  files: File[];
  onChange(files: File[]): void;
}

/**
 * A button that opens the file dialog and the chosen names beside it. Files stay in the
 * browser until the caller reads them; antd's Upload is not used because it wants to send
 * files to a server itself.
 */
export function FilePicker({ testId, label, buttonText, emptyText, accept, multiple = false, files, onChange }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  return (
    <div>
      <Typography.Text id={labelId} strong style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </Typography.Text>
      <Space wrap>
        <Button icon={<PaperClipOutlined />} aria-describedby={labelId} onClick={() => input.current?.click()}>
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
