import { useEffect, useMemo, useState } from 'react';
import { Button, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { localizeBilingual } from '../i18n/index.js';
import type { TemplateRequest } from './bpmn/bpmnDesigner.js';
import type { ElementTemplateJson } from './types.js';

interface TemplateChooserProps {
  request: TemplateRequest | null;
  onApply(elementId: string, templateId: string): void;
  onClose(): void;
}

function matches(template: ElementTemplateJson, needle: string): boolean {
  const haystack = [template.id, template.name, template.description ?? '', ...(template.keywords ?? []), template.metadata?.department ?? '', template.metadata?.topic ?? ''];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

/**
 * The element template chooser (bpmn-js-element-templates leaves it to the host): the
 * templates that apply to the element, by department, searchable; choosing one applies it
 * (a department step sets the service task's external topic and its input parameters).
 */
export function TemplateChooser({ request, onApply, onClose }: TemplateChooserProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  useEffect(() => setSearch(''), [request]);

  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const shown = (request?.templates ?? []).filter((template) => !needle || matches(template, needle));
    const byDepartment = new Map<string, ElementTemplateJson[]>();
    for (const template of shown) {
      const department = template.metadata?.department ?? '—';
      byDepartment.set(department, [...(byDepartment.get(department) ?? []), template]);
    }
    return [...byDepartment.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [request, search]);

  return (
    <Modal
      open={request !== null}
      title={t('designer.templates.title', { element: request?.elementName || request?.elementId || '' })}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <div data-testid="template-chooser">
        <Input.Search
          allowClear
          autoFocus
          placeholder={t('designer.templates.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="template-search"
          aria-label={t('designer.templates.search')}
          style={{ marginBottom: 12 }}
        />
        {groups.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.templates.none')} />
        ) : (
          <div style={{ maxHeight: 460, overflow: 'auto' }}>
            {groups.map(([department, templates]) => (
              <div key={department} style={{ marginBottom: 12 }}>
                <Typography.Text strong>
                  {t('designer.templates.department')}: <Typography.Text code>{department}</Typography.Text>
                </Typography.Text>
                {templates.map((template) => (
                  <div
                    key={template.id}
                    style={{ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
                    data-testid={`template-${template.id}`}
                  >
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Space size={4} wrap>
                        <Typography.Text>{localizeBilingual(template.name)}</Typography.Text>
                        {template.metadata?.topic ? <Tag>{template.metadata.topic}</Tag> : null}
                        {request?.current === template.id ? <Tag color="green">{t('designer.templates.applied')}</Tag> : null}
                      </Space>
                      {template.description ? (
                        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-line' }} ellipsis={{ rows: 2, expandable: true, symbol: t('designer.templates.more') }}>
                          {template.description}
                        </Typography.Paragraph>
                      ) : null}
                    </div>
                    <Button
                      size="small"
                      type="primary"
                      icon={<CheckOutlined />}
                      data-testid={`apply-template-${template.id}`}
                      onClick={() => {
                        if (request) onApply(request.elementId, template.id);
                        onClose();
                      }}
                    >
                      {t('designer.templates.apply')}
                    </Button>
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
      </div>
    </Modal>
  );
}
