import { useState } from 'react';
import { Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import { EyeOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../common/format.js';
import { materialUrl, type Material } from './types.js';

/** The application's materials and those supplied in corrections (marked); each opens in a preview (PDF in a frame, images as images). */
export function MaterialsCard({ caseId, materials }: { caseId: string; materials: Material[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Material | null>(null);

  return (
    <Card title={t('cases.materials.title')} size="small">
      <Table<Material>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={materials}
        locale={{ emptyText: t('cases.materials.none') }}
        columns={[
          {
            title: t('cases.materials.file'),
            key: 'file',
            render: (_v, material) => (
              <Space size="small">
                {material.contentType === 'application/pdf' ? <FilePdfOutlined aria-hidden /> : <FileImageOutlined aria-hidden />}
                <span>
                  {material.fileName}
                  {material.round > 0 ? (
                    <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid={`material-round-${material.id}`} title={t('cases.materials.roundLabel', { round: material.round })}>
                      {t('cases.materials.round', { round: material.round })}
                    </Tag>
                  ) : null}
                  <br />
                  <Typography.Text type="secondary" code>
                    {material.code}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatBytes(material.size)}</Typography.Text>
                </span>
              </Space>
            ),
          },
          {
            title: t('cases.materials.preview'),
            key: 'preview',
            width: 90,
            render: (_v, material) => (
              <Button size="small" icon={<EyeOutlined />} data-testid={`material-${material.code}`} aria-label={t('cases.materials.previewLabel', { name: material.fileName })} onClick={() => setOpen(material)}>
                {t('cases.materials.view')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={open !== null}
        title={open?.fileName}
        width={900}
        footer={
          open ? (
            <Button href={materialUrl(caseId, open.id)} target="_blank" rel="noopener">
              {t('cases.materials.openNewTab')}
            </Button>
          ) : null
        }
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open ? <MaterialPreview caseId={caseId} material={open} /> : null}
      </Modal>
    </Card>
  );
}

function MaterialPreview({ caseId, material }: { caseId: string; material: Material }) {
  const url = materialUrl(caseId, material.id);
  if (material.contentType === 'application/pdf') {
    return <iframe data-testid="material-preview" title={material.fileName} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />;
  }
  return (
    <div style={{ textAlign: 'center' }}>
      <img data-testid="material-preview" src={url} alt={material.fileName} style={{ maxWidth: '100%', maxHeight: '70vh' }} />
    </div>
  );
}
