import { useEffect, useState } from 'react';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined, SearchOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { patchJson } from '../api.js';
import { useApiResource } from '../common/useApiResource.js';
import { describeError } from '../i18n/describeError.js';
import { useSession } from '../session/SessionContext.js';
import { ActiveToggle } from './ActiveToggle.js';
import { departmentName } from './departmentName.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import type { AdminUser, Department } from './types.js';
import { UserFormModal } from './UserFormModal.js';

function usersUrl(q: string, department: string | undefined): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (department) params.set('department', department);
  const query = params.toString();
  return `/api/admin/users${query ? `?${query}` : ''}`;
}

/** Users with search and department filter: create, change roles and department, deactivate, reset password, unlock. */
export function UsersPanel({ departments }: { departments: Department[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useSession();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string | undefined>();
  const users = useApiResource<{ users: AdminUser[] }>(usersUrl(q, department));
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const nameOf = (code: string | null) => {
    const found = departments.find((candidate) => candidate.code === code);
    return found ? departmentName(found) : (code ?? '—');
  };

  const change = async (user: AdminUser, body: Partial<{ active: boolean; unlock: boolean }>, done: string) => {
    try {
      await patchJson<AdminUser>(`/api/admin/users/${encodeURIComponent(user.username)}`, body);
      void message.success(done);
      users.reload();
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
          {t('admin.users.create')}
        </Button>
        <Input
          type="search"
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          aria-label={t('admin.users.search')}
          placeholder={t('admin.users.search')}
          style={{ width: 240 }}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={() => setQ(text.trim())}
          data-testid="user-search"
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('admin.users.department')}
          placeholder={t('admin.users.allDepartments')}
          style={{ minWidth: 240 }}
          value={department}
          onChange={(value) => setDepartment(value || undefined)}
          options={departments.map((candidate) => ({ value: candidate.code, label: departmentName(candidate) }))}
        />
      </Space>
      <div data-testid="users-table">
        <Table<AdminUser>
          rowKey="username"
          size="small"
          loading={users.loading}
          dataSource={users.data?.users ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('admin.users.username'), dataIndex: 'username', render: (username: string) => <Typography.Text code>{username}</Typography.Text> },
            { title: t('admin.users.displayName'), dataIndex: 'displayName' },
            { title: t('admin.users.roles'), dataIndex: 'roles', render: (roles: AdminUser['roles']) => roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>) },
            { title: t('admin.users.department'), dataIndex: 'departmentCode', render: (code: string | null) => nameOf(code) },
            {
              title: t('admin.status'),
              key: 'status',
              render: (_v, user) => (
                <Space size={4} wrap>
                  <Tag color={user.active ? 'success' : 'default'}>{t(user.active ? 'admin.active' : 'admin.inactive')}</Tag>
                  {user.locked ? <Tag color="error">{t('admin.users.locked')}</Tag> : null}
                  {user.mustChangePassword ? <Tag color="warning">{t('admin.users.mustChange')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('admin.actions'),
              key: 'actions',
              render: (_v, user) => (
                <Space size="small" wrap>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(user)} aria-label={t('admin.users.editLabel', { name: user.username })}>
                    {t('admin.users.edit')}
                  </Button>
                  <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)} aria-label={t('admin.users.resetLabel', { name: user.username })}>
                    {t('admin.users.reset')}
                  </Button>
                  {user.locked ? (
                    <Button size="small" icon={<UnlockOutlined />} onClick={() => void change(user, { unlock: true }, t('admin.users.unlocked', { name: user.username }))}>
                      {t('admin.users.unlock')}
                    </Button>
                  ) : null}
                  {user.username === me?.username ? null : (
                    <ActiveToggle
                      active={user.active}
                      confirmTitle={t('admin.users.confirmDeactivate', { name: user.username })}
                      onChange={(active) => change(user, { active }, t(active ? 'admin.users.activated' : 'admin.users.deactivated', { name: user.username }))}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        departments={departments}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          users.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null);
          users.reload();
        }}
      />
    </Space>
  );
}
