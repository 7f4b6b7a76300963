import type { ReactNode } from 'react';
import { Col, Collapse, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CONSTRUCTION_BOOLEANS, CONSTRUCTION_NUMBERS, GROUPS, INVESTMENT, groupStarted, isFilled, type BooleanFieldKey, type GroupKey, type NumberField } from './projectFields.js';
import { LAND_USE_CLASSES, PROJECT_TYPES } from './types.js';

export const CONSTRUCTION_PANEL = 'construction';

function numberRules(field: NumberField, label: string, t: TFunction): Rule[] {
  return [
    {
      validator: async (_rule, value: number | null | undefined) => {
        if (value === null || value === undefined) return;
        if (field.positive && value <= 0) throw new Error(t('project.positive', { label }));
        if (value < 0 || value > field.max) throw new Error(t('project.range', { label, min: 0, max: field.max.toLocaleString() }));
      },
    },
  ];
}

function NumberItem({ field }: { field: NumberField }) {
  const { t } = useTranslation();
  const label = t(`project.fields.${field.key}`);
  return (
    <Form.Item name={['project', field.key]} label={label} rules={numberRules(field, label, t)}>
      <InputNumber data-testid={`project-${field.key}`} style={{ width: '100%' }} min={0} max={field.max} suffix={t(`project.units.${field.unit}`)} />
    </Form.Item>
  );
}

function YesNoItem({ field }: { field: BooleanFieldKey }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={['project', field]} label={t(`project.fields.${field}`)}>
      <Select
        data-testid={`project-${field}`}
        allowClear
        placeholder={t('project.notGiven')}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
      />
    </Form.Item>
  );
}

function landUseOptions(t: TFunction) {
  return LAND_USE_CLASSES.map((value) => ({ value, label: t(`project.landUse.${value}`) }));
}

/**
 * A member of a group (parcel, land-use right, contractor): required once any member of
 * its group has a value, so a group is sent whole or not at all.
 */
function GroupItem({ group, member, children }: { group: GroupKey; member: string; children: ReactNode }) {
  const { t } = useTranslation();
  const required = (GROUPS[group].required as readonly string[]).includes(member);
  const others = GROUPS[group].members.filter((other) => other !== member).map((other) => ['project', group, other]);
  const groupLabel = t(`project.fields.${group}`);
  return (
    <Form.Item
      name={['project', group, member]}
      // The member's label key is built from the group; every (group, member) pair has one in project.<group>.
      label={t(`project.${group}.${member}` as 'project.parcel.code')}
      dependencies={others}
      rules={
        required
          ? [
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (!isFilled(value) && groupStarted(getFieldValue(['project', group]) as Record<string, unknown> | undefined)) {
                    throw new Error(t('project.groupRequired', { group: groupLabel }));
                  }
                },
              }),
              { max: 60 },
            ]
          : [{ max: 60 }]
      }
    >
      {children}
    </Form.Item>
  );
}

function GroupTitle({ group }: { group: GroupKey }) {
  const { t } = useTranslation();
  return (
    <Typography.Text strong style={{ display: 'block', marginBlock: '4px 8px' }}>
      {t(`project.fields.${group}`)}
    </Typography.Text>
  );
}

/** The construction facts: areas, height, parcel, land-use right, contractor. */
function ConstructionFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('project.constructionHint')}</Typography.Paragraph>
      <Row gutter={16}>
        {CONSTRUCTION_NUMBERS.map((field) => (
          <Col key={field.key} xs={24} md={12} xl={8}>
            <NumberItem field={field} />
          </Col>
        ))}
        {CONSTRUCTION_BOOLEANS.map((field) => (
          <Col key={field} xs={24} md={12} xl={8}>
            <YesNoItem field={field} />
          </Col>
        ))}
      </Row>
      <GroupTitle group="parcel" />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <GroupItem group="parcel" member="code">
            <Input data-testid="project-parcel-code" />
          </GroupItem>
        </Col>
        <Col xs={24} md={12}>
          <GroupItem group="parcel" member="landUse">
            <Select data-testid="project-parcel-landUse" allowClear options={landUseOptions(t)} placeholder={t('project.notGiven')} />
          </GroupItem>
        </Col>
      </Row>
      <GroupTitle group="landUseRight" />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <GroupItem group="landUseRight" member="certificateNumber">
            <Input data-testid="project-landUseRight-certificateNumber" />
          </GroupItem>
        </Col>
        <Col xs={24} md={12}>
          <GroupItem group="landUseRight" member="parcelCode">
            <Input data-testid="project-landUseRight-parcelCode" />
          </GroupItem>
        </Col>
        <Col xs={24} md={12}>
          <GroupItem group="landUseRight" member="landUse">
            <Select data-testid="project-landUseRight-landUse" allowClear options={landUseOptions(t)} placeholder={t('project.notGiven')} />
          </GroupItem>
        </Col>
        <Col xs={24} md={12}>
          <GroupItem group="landUseRight" member="expiresOn">
            {/* A native date field: it yields YYYY-MM-DD, exactly what the API takes. */}
            <Input type="date" data-testid="project-landUseRight-expiresOn" />
          </GroupItem>
        </Col>
      </Row>
      <GroupTitle group="contractor" />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <GroupItem group="contractor" member="name">
            <Input data-testid="project-contractor-name" maxLength={200} />
          </GroupItem>
        </Col>
        <Col xs={24} md={12}>
          <GroupItem group="contractor" member="awardNumber">
            <Input data-testid="project-contractor-awardNumber" />
          </GroupItem>
        </Col>
      </Row>
    </>
  );
}

/** The project facts (src/applications/project.ts): name required, the rest optional. */
export function ProjectFields({ openPanels, onOpenPanels }: { openPanels: string[]; onOpenPanels(keys: string[]): void }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['project', 'name']}
            label={t('project.fields.name')}
            rules={[{ required: true, whitespace: true, message: t('apply.required', { label: t('project.fields.name') }) }, { max: 200 }]}
          >
            <Input data-testid="project-name" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['project', 'address']} label={t('project.fields.address')} rules={[{ max: 300 }]}>
            <Input data-testid="project-address" maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['project', 'type']} label={t('project.fields.type')}>
            <Select data-testid="project-type" allowClear placeholder={t('project.notGiven')} options={PROJECT_TYPES.map((value) => ({ value, label: t(`project.types.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <NumberItem field={INVESTMENT} />
        </Col>
        <Col xs={24} md={8}>
          <YesNoItem field="governmentInvested" />
        </Col>
      </Row>
      <Collapse
        data-testid="project-construction"
        activeKey={openPanels}
        onChange={(keys) => onOpenPanels(Array.isArray(keys) ? keys : [keys])}
        // Rendered while closed too, so its fields exist for validation and for server errors.
        items={[{ key: CONSTRUCTION_PANEL, label: t('project.construction'), forceRender: true, children: <ConstructionFields /> }]}
      />
    </>
  );
}
