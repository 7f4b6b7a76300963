import { useState } from 'react';
import { Segmented, Space, Typography } from 'antd';
import { ApartmentOutlined, TableOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../pageProps.js';
import { BpmnWorkspace } from './BpmnWorkspace.js';
import { DmnWorkspace } from './DmnWorkspace.js';

type Mode = 'bpmn' | 'dmn';

/**
 * 流程设计 (designers and administrators): procedures in the BPMN modeler with the Camunda
 * properties panel, element templates, lint, drafts, visual diff and deployment; decision
 * tables in the DMN modeler. Both editors stay alive when switching between them.
 */
export function DesignerPage({ query }: PageProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(query.get('mode') === 'dmn' ? 'dmn' : 'bpmn');
  const [dmnVisited, setDmnVisited] = useState(mode === 'dmn');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="designer-page-title">
          {t('designer.pageTitle')}
        </Typography.Title>
        <Segmented<Mode>
          value={mode}
          onChange={(value) => {
            setMode(value);
            if (value === 'dmn') setDmnVisited(true);
          }}
          options={[
            { value: 'bpmn', label: t('designer.mode.bpmn'), icon: <ApartmentOutlined /> },
            { value: 'dmn', label: t('designer.mode.dmn'), icon: <TableOutlined /> },
          ]}
          data-testid="designer-mode"
        />
      </div>
      <div style={{ display: mode === 'bpmn' ? 'block' : 'none' }}>
        <BpmnWorkspace query={query} />
      </div>
      {dmnVisited ? (
        <div style={{ display: mode === 'dmn' ? 'block' : 'none' }}>
          <DmnWorkspace />
        </div>
      ) : null}
    </Space>
  );
}
