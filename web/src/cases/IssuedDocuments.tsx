import { Button, Card, Space, Table, Tag } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import type { IssuedDocument } from './types.js';

/** The case's signed documents: open the PDF, or check its signatures on the verification page. */
export function IssuedDocuments({ documents }: { documents: IssuedDocument[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('cases.documents.title')} size="small">
      <Table<IssuedDocument>
        size="small"
        rowKey="number"
        pagination={false}
        dataSource={documents}
        locale={{ emptyText: t('cases.documents.none') }}
        data-testid="case-documents"
        columns={[
          { title: t('cases.documents.kind'), dataIndex: 'kind', render: (kind: IssuedDocument['kind']) => <Tag>{t(`documentKinds.${kind}`)}</Tag> },
          { title: t('cases.documents.number'), dataIndex: 'number' },
          { title: t('cases.documents.issuedAt'), dataIndex: 'issuedAt', render: (at: string) => formatDateTime(at) },
          {
            title: '',
            key: 'actions',
            render: (_value, document) => (
              <Space size="small">
                <Button size="small" icon={<FilePdfOutlined />} href={`/api/documents/${document.number}/file`} target="_blank">
                  {t('cases.documents.open')}
                </Button>
                <Button size="small" icon={<SafetyCertificateOutlined />} href={`#/verify/${document.number}`}>
                  {t('cases.documents.verify')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
