import { Tabs, Typography } from 'antd';
import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { DepartmentsPanel } from './DepartmentsPanel.js';
import type { Department } from './types.js';
import { UsersPanel } from './UsersPanel.js';

/** 系统管理: departments and users (administrators only; the API checks the role too). */
export function AdminPage() {
  const { t } = useTranslation();
  const departments = useApiResource<{ departments: Department[] }>('/api/admin/departments');

  if (departments.error && !departments.data) return <LoadError error={departments.error} title={t('admin.loadFailed')} onRetry={departments.reload} />;
  const list = departments.data?.departments ?? [];

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.pageTitle')}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'departments',
            label: t('admin.departments.tab'),
            icon: <ApartmentOutlined />,
            children: <DepartmentsPanel departments={list} loading={departments.loading} onChanged={departments.reload} />,
          },
          { key: 'users', label: t('admin.users.tab'), icon: <TeamOutlined />, children: <UsersPanel departments={list} /> },
        ]}
      />
    </div>
  );
}
