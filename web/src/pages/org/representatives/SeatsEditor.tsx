/** The seats a representative holds: congress, and 代表团 or 选区, with the term dates. */
import { Button, Card, Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CongressSelect } from '../../../components/congresses.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export interface SeatFormValue {
  congressId?: number;
  delegation?: string | null;
  constituency?: string | null;
  electedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
}

export const MAX_SEATS = 6;

export function SeatsEditor() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const seats = (Form.useWatch('seats', form) ?? []) as SeatFormValue[];
  const chosen = seats.map((s) => s?.congressId).filter((id): id is number => id !== undefined);

  return (
    <Form.List
      name="seats"
      rules={[
        {
          validator: async (_, value: SeatFormValue[] | undefined) => {
            const ids = (value ?? []).map((s) => s?.congressId).filter(Boolean);
            if (new Set(ids).size !== ids.length) throw new Error(t('rep.seatDuplicate'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              {t('rep.noSeats')}
            </Typography.Paragraph>
          )}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12, background: '#fafbfc' }}
              title={t('rep.seatN', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                >
                  {t('common.remove')}
                </Button>
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[field.name, 'congressId']}
                    label={t('rep.congress')}
                    rules={[{ required: true, message: t('v.choose', { field: t('rep.congress') }) }]}
                  >
                    <CongressSelect disabledIds={chosen} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field.name, 'delegation']}
                    label={t('rep.delegation')}
                    rules={[{ max: 100, message: t('v.max', { n: 100 }) }]}
                  >
                    <Input placeholder={t('rep.delegationPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field.name, 'constituency']}
                    label={t('rep.constituency')}
                    rules={[{ max: 100, message: t('v.max', { n: 100 }) }]}
                  >
                    <Input placeholder={t('rep.constituencyPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'electedOn']} label={t('rep.electedOn')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field.name, 'endedOn']}
                    label={t('rep.endedOn')}
                    dependencies={[['seats', field.name, 'electedOn']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_, value: Dayjs | null | undefined) => {
                          const start = getFieldValue(['seats', field.name, 'electedOn']) as
                            Dayjs | null | undefined;
                          if (value && start && value.isBefore(start, 'day'))
                            throw new Error(t('rep.endBeforeStart'));
                        },
                      }),
                    ]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_SEATS}
            onClick={() => add({})}
          >
            {t('rep.addSeat')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
