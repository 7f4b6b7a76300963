import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import type { CaseTask } from './types.js';

/** The case's open tasks; "work on" (staff only) shows a task's decision form on this page. */
export function OpenTasks({ tasks, selectedTaskId, onSelect }: { tasks: CaseTask[]; selectedTaskId: string | null; onSelect?: (taskId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('cases.tasks.title')} size="small">
      <div data-testid="case-tasks">
        <Table<CaseTask>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tasks}
          locale={{ emptyText: t('cases.tasks.none') }}
          columns={[
            {
              title: t('cases.tasks.name'),
              key: 'name',
              render: (_v, task) => (
                <>
                  {localizeBilingual(task.name ?? task.step)}
                  {task.mine ? (
                    <Tag color="blue" style={{ marginInlineStart: 8 }}>
                      {t('cases.tasks.mine')}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            { title: t('cases.tasks.assignee'), dataIndex: 'assignee', render: (assignee: string | null) => assignee ?? t('cases.tasks.unassigned') },
            { title: t('cases.tasks.due'), dataIndex: 'due', render: (due: string | null) => formatDateTime(due) },
            {
              title: '',
              key: 'action',
              render: (_v, task) =>
                !onSelect || task.id === selectedTaskId ? null : (
                  <Button size="small" data-testid={`work-${task.id}`} onClick={() => onSelect(task.id)}>
                    {t('cases.tasks.workOn')}
                  </Button>
                ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
