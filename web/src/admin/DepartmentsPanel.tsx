import { useState, type Key } from 'react';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { patchJson } from '../api.js';
import { describeError } from '../i18n/describeError.js';
import { ActiveToggle } from './ActiveToggle.js';
import { DepartmentFormModal } from './DepartmentFormModal.js';
import { departmentName, departmentTree, type DepartmentNode } from './departmentName.js';
import type { Department } from './types.js';

const LEVEL_COLORS = { city: 'blue', county: 'cyan', township: 'geekblue' } as const;

/** The department hierarchy (city → county → township): create, rename, deactivate. */
export function DepartmentsPanel({ departments, loading, onChanged }: { departments: Department[]; loading: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  // The whole tree starts open (departments arrive after the first render, so antd's defaultExpandAllRows would miss them).
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const expandedKeys = expanded ?? departments.map((department) => department.code);

  const setActive = async (department: Department, active: boolean) => {
    try {
      await patchJson<Department>(`/api/admin/departments/${encodeURIComponent(department.code)}`, { active });
      void message.success(t(active ? 'admin.departments.activated' : 'admin.departments.deactivated', { name: departmentName(department) }));
      onChanged();
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="department-create">
        {t('admin.departments.create')}
      </Button>
      <div data-testid="departments-table">
        <Table<DepartmentNode>
          rowKey="code"
          size="small"
          loading={loading}
          dataSource={departmentTree(departments)}
          pagination={false}
          expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys) }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('admin.departments.name'),
              key: 'name',
              render: (_v, department) => (
                <Typography.Text type={department.active ? undefined : 'secondary'} delete={!department.active}>
                  {departmentName(department)}
                </Typography.Text>
              ),
            },
            { title: t('admin.departments.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
            { title: t('admin.departments.level'), dataIndex: 'level', render: (level: Department['level']) => <Tag color={LEVEL_COLORS[level]}>{t(`admin.levels.${level}`)}</Tag> },
            {
              title: t('admin.departments.parent'),
              dataIndex: 'parentCode',
              render: (code: string | null) => {
                const parent = departments.find((department) => department.code === code);
                return parent ? departmentName(parent) : '—';
              },
            },
            {
              title: t('admin.status'),
              dataIndex: 'active',
              render: (active: boolean) => <Tag color={active ? 'success' : 'default'}>{t(active ? 'admin.active' : 'admin.inactive')}</Tag>,
            },
            {
              title: t('admin.actions'),
              key: 'actions',
              render: (_v, department) => (
                <Space size="small">
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(department)} aria-label={t('admin.departments.renameLabel', { name: departmentName(department) })}>
                    {t('admin.departments.rename')}
                  </Button>
                  <ActiveToggle active={department.active} confirmTitle={t('admin.departments.confirmDeactivate', { name: departmentName(department) })} onChange={(active) => setActive(department, active)} />
                </Space>
              ),
            },
          ]}
        />
      </div>
      <DepartmentFormModal
        open={editing !== null}
        department={editing === 'new' ? null : editing}
        departments={departments}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </Space>
  );
}
