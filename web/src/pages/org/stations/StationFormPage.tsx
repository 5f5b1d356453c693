/** Create or edit a liaison station: tier, theme, place in the tree, address and reception schedule. */
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, TimePicker } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  STATION_STATUS_LABELS,
  STATION_THEME_LABELS,
  STATION_TIER_LABELS,
  STATION_TIERS,
  isValidParentTier,
  type StationStatus,
  type StationTheme,
  type StationTier,
} from '../../../../../src/modules/org/org.domain.ts';
import { createStation, getStation, listStations, updateStation } from '../../../api/stations.ts';
import { keys } from '../../../api/keys.ts';
import type { CreateStationBody } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { AccountPicker } from '../../../components/AccountPicker.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { FullPageSpinner } from '../../../components/FullPageSpinner.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { fromDateString, toDateString } from '../../../lib/format.ts';
import {
  HOLIDAY_POLICIES,
  HOLIDAY_POLICY_LABELS,
  parseReceptionRule,
  type HolidayPolicy,
} from '../../../../../src/lib/recurrence.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';
import { ReceptionScheduleBuilder } from './ReceptionScheduleBuilder.tsx';

interface Values {
  name: string;
  code: string;
  tier: StationTier;
  theme: StationTheme;
  jurisdictionId: number;
  parentId?: number | null;
  address?: string;
  liaisonOfficerUserId?: number | null;
  receptionRule?: string | null;
  receptionTime?: [Dayjs, Dayjs] | null;
  receptionHoliday: HolidayPolicy;
  receptionOnDuty: number;
  receptionNoticeDays: number;
  status: StationStatus;
  openedOn?: Dayjs | null;
}

const orNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

export function StationFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const editing = id !== undefined;
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { forNewRecord: scopeId } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const tier = Form.useWatch('tier', form);
  const time = Form.useWatch('receptionTime', form);

  const existing = useQuery({
    queryKey: keys.station(id ?? 0),
    queryFn: () => getStation(id!),
    enabled: editing,
  });
  const parents = useQuery({
    queryKey: [...keys.stations, 'parents'],
    queryFn: () => listStations({ pageSize: 200, status: 'active' }),
    staleTime: 60_000,
  });

  useEffect(() => {
    const s = existing.data;
    if (!s) return;
    form.setFieldsValue({
      name: s.name,
      code: s.code,
      tier: s.tier,
      theme: s.theme,
      jurisdictionId: s.jurisdiction.id,
      parentId: s.parent?.id ?? null,
      address: s.address ?? undefined,
      liaisonOfficerUserId: s.liaisonOfficer?.id ?? null,
      receptionRule: s.receptionRule,
      receptionTime:
        s.receptionStart && s.receptionEnd
          ? [dayjs(`2000-01-01T${s.receptionStart}`), dayjs(`2000-01-01T${s.receptionEnd}`)]
          : null,
      receptionHoliday: s.receptionHoliday,
      receptionOnDuty: s.receptionOnDuty,
      receptionNoticeDays: s.receptionNoticeDays,
      status: s.status,
      openedOn: fromDateString(s.openedOn),
    });
  }, [existing.data, form]);

  if (editing && existing.isPending) return <FullPageSpinner />;
  if (editing && existing.isError)
    return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;

  const parentOptions = (parents.data?.items ?? [])
    .filter((p) => p.id !== id && (!tier || isValidParentTier(p.tier, tier)))
    .map((p) => ({
      value: p.id,
      label: `${p.name}（${STATION_TIER_LABELS[p.tier][lang === 'en' ? 'en' : 'zh']}）`,
    }));

  const submit = async (v: Values) => {
    setSaving(true);
    const [start, end] = v.receptionTime ?? [];
    const body: CreateStationBody = {
      name: v.name.trim(),
      code: v.code.trim(),
      tier: v.tier,
      theme: v.theme,
      jurisdictionId: v.jurisdictionId,
      parentId: v.parentId ?? null,
      address: orNull(v.address),
      liaisonOfficerUserId: v.liaisonOfficerUserId ?? null,
      receptionRule: v.receptionRule ?? null,
      receptionStart: v.receptionRule && start ? start.format('HH:mm') : null,
      receptionEnd: v.receptionRule && end ? end.format('HH:mm') : null,
      receptionHoliday: v.receptionHoliday,
      receptionOnDuty: v.receptionOnDuty,
      receptionNoticeDays: v.receptionNoticeDays,
      status: v.status,
      openedOn: toDateString(v.openedOn),
    };
    try {
      const saved = editing ? await updateStation(id, body) : await createStation(body);
      await qc.invalidateQueries({ queryKey: keys.stations });
      void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
      void message.success(t('common.saved'));
      void navigate(`/org/stations/${saved.id}`);
    } catch (err) {
      report(err, {
        form,
        aliases: { '/receptionStart': ['receptionTime'], '/receptionEnd': ['receptionTime'] },
      });
    } finally {
      setSaving(false);
    }
  };

  const max = (n: number) => ({ max: n, message: t('v.max', { n }) });

  return (
    <div>
      <PageHeader
        back={editing ? `/org/stations/${id}` : '/org/stations'}
        title={editing ? t('station.editTitle', { name: existing.data?.name ?? '' }) : t('station.create')}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{
          tier: 'station',
          theme: 'community',
          status: 'active',
          jurisdictionId: scopeId,
          receptionRule: null,
          // The server's defaults for a new station.
          receptionHoliday: 'next_working_day',
          receptionOnDuty: 2,
          receptionNoticeDays: 14,
        }}
      >
        <Card variant="borderless" title={t('station.sectionBasic')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('station.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('v.required', { field: t('station.name') }),
                  },
                  max(100),
                ]}
              >
                <Input placeholder={t('station.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t('common.code')}
                rules={[
                  { required: true, message: t('v.required', { field: t('common.code') }) },
                  { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('v.code') },
                  max(32),
                ]}
              >
                <Input placeholder="ST-FS" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="tier" label={t('station.tier')} rules={[{ required: true }]}>
                <Select
                  options={optionsOf(STATION_TIER_LABELS, lang, STATION_TIERS)}
                  onChange={() => form.setFieldValue('parentId', null)}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="theme" label={t('station.theme')}>
                <Select options={optionsOf(STATION_THEME_LABELS, lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="jurisdictionId"
                label={t('common.jurisdiction')}
                rules={[{ required: true, message: t('v.choose', { field: t('common.jurisdiction') }) }]}
              >
                <JurisdictionTreeSelect allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="parentId"
                label={t('station.parent')}
                extra={tier === 'general' ? t('station.parentNoneForGeneral') : t('station.parentHint')}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={parentOptions}
                  disabled={tier === 'general'}
                  loading={parents.isPending}
                  placeholder={t('station.parentPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="address" label={t('station.address')} rules={[max(200)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="liaisonOfficerUserId" label={t('station.liaisonOfficer')}>
                <AccountPicker role="liaison_officer" current={existing.data?.liaisonOfficer ?? null} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="status" label={t('station.status')}>
                <Select options={optionsOf(STATION_STATUS_LABELS, lang)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="openedOn" label={t('station.openedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card variant="borderless" title={t('station.sectionReception')} style={{ marginBottom: 16 }}>
          <Form.Item
            name="receptionRule"
            label={t('station.receptionDay')}
            rules={[
              {
                validator: async (_, rule: string | null | undefined) => {
                  if (!rule) return;
                  const parsed = parseReceptionRule(rule);
                  if (!parsed.ok) throw new Error(lang === 'en' ? parsed.message.en : parsed.message.zh);
                },
              },
            ]}
          >
            <ReceptionScheduleBuilder
              start={time?.[0]?.format('HH:mm') ?? null}
              end={time?.[1]?.format('HH:mm') ?? null}
            />
          </Form.Item>
          <Form.Item
            name="receptionTime"
            label={t('station.receptionTime')}
            dependencies={['receptionRule']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, v: [Dayjs, Dayjs] | null | undefined) => {
                  if (getFieldValue('receptionRule') && !v) throw new Error(t('station.timeRequired'));
                  if (v && !v[1].isAfter(v[0])) throw new Error(t('station.timeOrder'));
                },
              }),
            ]}
          >
            <TimePicker.RangePicker
              format="HH:mm"
              minuteStep={5}
              needConfirm={false}
              style={{ maxWidth: 280 }}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="receptionHoliday"
                label={t('station.receptionHoliday')}
                extra={t('station.receptionHolidayHint')}
              >
                <Select options={optionsOf(HOLIDAY_POLICY_LABELS, lang, HOLIDAY_POLICIES)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="receptionOnDuty"
                label={t('station.receptionOnDuty')}
                extra={t('station.receptionOnDutyHint')}
                rules={[
                  { required: true, message: t('v.required', { field: t('station.receptionOnDuty') }) },
                ]}
              >
                <InputNumber
                  min={1}
                  max={10}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t('station.people')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="receptionNoticeDays"
                label={t('station.receptionNoticeDays')}
                extra={t('station.receptionNoticeDaysHint')}
                rules={[
                  { required: true, message: t('v.required', { field: t('station.receptionNoticeDays') }) },
                ]}
              >
                <InputNumber
                  min={1}
                  max={60}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t('station.days')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <div
          style={{
            display: 'flex',
            justifyContent: 'flex-end',
            gap: 8,
            position: 'sticky',
            bottom: 0,
            padding: '12px 0',
            background: 'linear-gradient(transparent, #f3f5f8 30%)',
          }}
        >
          <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
