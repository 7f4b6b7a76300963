import { Empty, Space, Tag, Typography } from 'antd';
import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { localizeBilingual } from '../i18n/index.js';
import type { DesignerProblem } from './types.js';

interface ProblemsListProps {
  problems: DesignerProblem[];
  /** Element names by id, to say "审查 (Review)" rather than an id alone. */
  nameOf(elementId: string): string | null;
  onReveal(elementId: string): void;
}

/** The lint problems of the diagram in the editor, and those a refused deployment named; a click shows the element. */
export function ProblemsList({ problems, nameOf, onReveal }: ProblemsListProps) {
  const { t } = useTranslation();
  if (problems.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.problems.none')} data-testid="problems-empty" />;
  return (
    <div role="list" data-testid="problems-list" className="designer-list">
      {problems.map((problem, index) => {
        const name = problem.elementId ? nameOf(problem.elementId) : null;
        return (
          <div
            role="listitem"
            key={`${problem.source}-${problem.rule}-${problem.elementId}-${index}`}
            className={problem.elementId ? 'designer-list-item designer-list-item-link' : 'designer-list-item'}
            data-testid="problem"
            data-element-id={problem.elementId ?? ''}
            data-rule={problem.rule}
            data-category={problem.category}
            data-source={problem.source}
            onClick={() => problem.elementId && onReveal(problem.elementId)}
          >
            <Space align="start" size="small" style={{ width: '100%' }}>
              {problem.category === 'error' ? <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} /> : <WarningFilled style={{ color: '#d48806', marginTop: 4 }} />}
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text>{localizeBilingual(problem.message)}</Typography.Text>
                <Space size={4} wrap>
                  {problem.elementId ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {name ? `${name} · ` : ''}
                      <Typography.Text code style={{ fontSize: 12 }}>
                        {problem.elementId}
                      </Typography.Text>
                    </Typography.Text>
                  ) : null}
                  <Tag style={{ fontSize: 11 }}>{problem.rule}</Tag>
                  {problem.source !== 'lint' ? <Tag color="red">{t(`designer.problems.source.${problem.source}`)}</Tag> : null}
                  {problem.line ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="problem-position">
                      {t('designer.problems.position', { line: problem.line, column: problem.column ?? '?' })}
                    </Typography.Text>
                  ) : null}
                </Space>
              </Space>
            </Space>
          </div>
        );
      })}
    </div>
  );
}
