/**
 * The categories a unit handles, per jurisdiction: each row is a place and the categories the
 * unit takes there. The API wants the flat list [{categoryCode, jurisdictionId}].
 */
import { Button, Col, Form, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CategorySelect } from '../../../components/congresses.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export interface CategoryRow {
  jurisdictionId?: number;
  categoryCodes?: string[];
}

export function groupCategories(
  categories: { categoryCode: string; jurisdiction: { id: number } }[],
): CategoryRow[] {
  const byJ = new Map<number, string[]>();
  for (const c of categories)
    byJ.set(c.jurisdiction.id, [...(byJ.get(c.jurisdiction.id) ?? []), c.categoryCode]);
  return [...byJ.entries()].map(([jurisdictionId, categoryCodes]) => ({ jurisdictionId, categoryCodes }));
}

export function flattenCategories(
  rows: CategoryRow[] | undefined,
): { categoryCode: string; jurisdictionId?: number }[] {
  const seen = new Set<string>();
  const out: { categoryCode: string; jurisdictionId?: number }[] = [];
  for (const r of rows ?? []) {
    for (const code of r.categoryCodes ?? []) {
      const key = `${code}@${r.jurisdictionId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ categoryCode: code, ...(r.jurisdictionId ? { jurisdictionId: r.jurisdictionId } : {}) });
    }
  }
  return out;
}

export function CategoryRowsEditor() {
  const { t } = useI18n();
  return (
    <Form.List name="categoryRows">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('unit.noCategories')}
            </Typography.Paragraph>
          )}
          {fields.map((field) => (
            <Row gutter={8} key={field.key} align="top" wrap={false}>
              <Col flex="200px">
                <Form.Item
                  name={[field.name, 'jurisdictionId']}
                  rules={[{ required: true, message: t('v.choose', { field: t('unit.where') }) }]}
                >
                  <JurisdictionTreeSelect placeholder={t('unit.where')} allowClear={false} />
                </Form.Item>
              </Col>
              <Col flex="auto" style={{ minWidth: 0 }}>
                <Form.Item
                  name={[field.name, 'categoryCodes']}
                  rules={[{ required: true, type: 'array', min: 1, message: t('unit.pickCategory') }]}
                >
                  <CategorySelect multiple placeholder={t('unit.categories')} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ categoryCodes: [] })} block>
            {t('unit.addCategoryRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
