/**
 * Create an activity (type, organiser, title, times on Beijing time, place, agenda, hosts and the
 * representatives invited — a station's or group's whole roster in one click), or change one
 * (title, times, place, agenda; `version` refuses a save over someone else's change). Liaison
 * officers organise for their stations only; congress staff for the congress, a station or a group.
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Segmented, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ORGANISER_LABELS, type Organiser } from '../../../../src/modules/activities/activities.domain.ts';
import { createActivity, getActivity, updateActivity } from '../../api/activities.ts';
import { isApiError } from '../../api/client.ts';
import { getGroup } from '../../api/groups.ts';
import { keys } from '../../api/keys.ts';
import { getStation } from '../../api/stations.ts';
import type { CreateActivityBody } from '../../api/types.ts';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CongressSelect, useCongresses } from '../../components/congresses.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { GroupPicker, StationPicker } from '../../components/orgPickers.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { beijingToIso } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { pickerValueOf } from './dates.ts';
import { PeopleField, type Person } from './PeopleField.tsx';
import { useActivityTypes } from './useActivityTypes.ts';

interface Values {
  typeCode: string;
  organiser: Organiser;
  organiserId?: number;
  title: string;
  time: [Dayjs, Dayjs];
  place?: string;
  agenda?: string;
  hosts: Person[];
  people: Person[];
}

const orNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

export function ActivityFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const editing = id !== undefined;
  const { t, lang, label } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const types = useActivityTypes();
  const congresses = useCongresses();
  const organiser = Form.useWatch('organiser', form);
  const organiserId = Form.useWatch('organiserId', form);
  const hosts = Form.useWatch('hosts', form);
  const staff = !!user?.roles.includes('congress_staff');
  // A liaison officer organises for their stations; only congress staff for a congress or a group.
  const organisers: Organiser[] = staff ? ['station', 'group', 'congress'] : ['station'];
  const preset = new URLSearchParams(location.search);

  const existing = useQuery({
    queryKey: keys.activity(id ?? 0),
    queryFn: () => getActivity(id!),
    enabled: editing,
  });

  useEffect(() => {
    const a = existing.data;
    if (!a) return;
    form.setFieldsValue({
      typeCode: a.typeCode,
      organiser: a.organiser,
      organiserId: a.organiserRef?.id,
      title: a.title,
      time: [pickerValueOf(a.startsAt), pickerValueOf(a.endsAt)],
      place: a.place ?? undefined,
      agenda: a.agenda ?? undefined,
    });
  }, [existing.data, form]);

  if (editing && existing.isPending) return <FullPageSpinner />;
  if (editing && (existing.isError || !existing.data))
    return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;

  /** A title from the organiser and the type, until the user writes their own. */
  const suggestTitle = async (typeCode?: string, org?: Organiser, orgId?: number) => {
    if (editing || form.isFieldTouched('title')) return;
    const type = types.data?.find((x) => x.code === typeCode);
    if (!type || !orgId) return;
    let name: string;
    try {
      if (org === 'station') name = (await qc.fetchQuery(stationQuery(orgId))).name;
      else if (org === 'group') name = (await qc.fetchQuery(groupQuery(orgId))).name;
      else name = congresses.data?.find((c) => c.id === orgId)?.name ?? '';
    } catch {
      return;
    }
    if (!form.isFieldTouched('title')) form.setFieldValue('title', `${name}${type.labelZh}`);
  };

  const roster =
    !editing && organiserId && (organiser === 'station' || organiser === 'group')
      ? async (): Promise<Person[]> => {
          const members =
            organiser === 'station'
              ? (await qc.fetchQuery(stationQuery(organiserId))).members
              : (await qc.fetchQuery(groupQuery(organiserId))).members;
          return members
            .filter((m) => m.status === 'active')
            .map((m) => ({ id: m.representativeId, name: m.name }));
        }
      : undefined;

  const submit = async (v: Values) => {
    setSaving(true);
    const startsAt = beijingToIso(v.time[0]);
    const endsAt = beijingToIso(v.time[1]);
    try {
      if (editing) {
        await updateActivity(id, {
          version: existing.data!.version,
          title: v.title.trim(),
          startsAt,
          endsAt,
          place: orNull(v.place),
          agenda: orNull(v.agenda),
        });
        await qc.invalidateQueries({ queryKey: keys.activities });
        void message.success(t('common.saved'));
        void navigate(`/activities/${id}`, { replace: true });
        return;
      }
      const body: CreateActivityBody = {
        typeCode: v.typeCode,
        title: v.title.trim(),
        organiser: v.organiser,
        organiserId: v.organiserId!,
        startsAt,
        endsAt,
        place: orNull(v.place),
        agenda: orNull(v.agenda),
        hostIds: (v.hosts ?? []).map((p) => p.id),
        representativeIds: (v.people ?? []).map((p) => p.id),
      };
      const created = await createActivity(body);
      await qc.invalidateQueries({ queryKey: keys.activities });
      void message.success(t('act.created'));
      void navigate(`/activities/${created.id}`, { replace: true });
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT') void existing.refetch();
      report(err, {
        form,
        aliases: {
          '/startsAt': ['time'],
          '/endsAt': ['time'],
          '/hostIds': ['hosts'],
          '/representativeIds': ['people'],
        },
      });
    } finally {
      setSaving(false);
    }
  };

  const tomorrow = dayjs().add(1, 'day').startOf('day');
  const required = (field: string) => ({ required: true, message: t('v.required', { field }) });

  return (
    <div>
      <PageHeader
        back={editing ? `/activities/${id}` : '/activities'}
        title={editing ? t('act.editTitle') : t('act.create')}
        subtitle={editing ? existing.data?.title : t('act.createSubtitle')}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{
          organiser: organisers.includes(preset.get('organiser') as Organiser)
            ? (preset.get('organiser') as Organiser)
            : organisers[0],
          organiserId: Number(preset.get('organiserId')) || undefined,
          typeCode: preset.get('typeCode') ?? undefined,
          time: [tomorrow.hour(9), tomorrow.hour(11)],
          hosts: [],
          people: [],
        }}
        onValuesChange={(changed: Partial<Values>, all) => {
          if ('typeCode' in changed || 'organiserId' in changed)
            void suggestTitle(all.typeCode, all.organiser, all.organiserId);
        }}
      >
        <Card variant="borderless" title={t('act.form.sectionWhat')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="typeCode" label={t('act.type')} rules={[required(t('act.type'))]}>
                <Select
                  disabled={editing}
                  loading={types.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('act.filter.type')}
                  options={(types.data ?? []).map((x) => ({
                    value: x.code,
                    label: lang === 'en' ? x.labelEn : x.labelZh,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="organiser" label={t('act.organiser')}>
                <Segmented<Organiser>
                  disabled={editing || organisers.length === 1}
                  options={organisers.map((o) => ({ value: o, label: label(ORGANISER_LABELS[o]) }))}
                  onChange={() => form.setFieldValue('organiserId', undefined)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="organiserId"
                label={organiser ? label(ORGANISER_LABELS[organiser]) : t('act.organiser')}
                rules={[{ required: true, message: t('v.choose', { field: t('act.organiser') }) }]}
              >
                {organiser === 'congress' ? (
                  <CongressSelect />
                ) : organiser === 'group' ? (
                  <GroupPicker disabled={editing} />
                ) : (
                  <StationPicker disabled={editing} />
                )}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label={t('act.title')}
                rules={[required(t('act.title')), { max: 200, message: t('v.max', { n: 200 }) }]}
              >
                <Input placeholder={t('act.form.titlePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="time"
                label={t('act.when')}
                extra={t('act.form.timeHint')}
                rules={[
                  { required: true, message: t('v.choose', { field: t('act.when') }) },
                  {
                    validator: async (_, v?: [Dayjs, Dayjs]) => {
                      if (v && !v[1].isAfter(v[0])) throw new Error(t('act.form.timeOrder'));
                    },
                  },
                ]}
              >
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm', minuteStep: 5 }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  needConfirm={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="place"
                label={t('act.place')}
                rules={[{ max: 200, message: t('v.max', { n: 200 }) }]}
              >
                <Input placeholder={t('act.form.placePlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="agenda"
                label={t('act.agenda')}
                rules={[{ max: 5000, message: t('v.max', { n: 5000 }) }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 10 }}
                  placeholder={t('act.form.agendaPlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {!editing && (
          <Card variant="borderless" title={t('act.form.sectionWho')} style={{ marginBottom: 16 }}>
            <Form.Item name="hosts" label={t('act.hosts')} extra={t('act.form.hostsHint')}>
              <PeopleField />
            </Form.Item>
            <Form.Item name="people" label={t('act.participants')} extra={t('act.form.peopleHint')}>
              <PeopleField
                roster={roster}
                rosterLabel={organiser === 'group' ? t('act.form.addGroup') : t('act.form.addStation')}
                exclude={(hosts ?? []).map((p) => p.id)}
              />
            </Form.Item>
          </Card>
        )}
        <div className="form-actions">
          <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {editing ? t('common.save') : t('act.createAndInvite')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

const stationQuery = (id: number) => ({
  queryKey: keys.station(id),
  queryFn: () => getStation(id),
  staleTime: 60_000,
});
const groupQuery = (id: number) => ({
  queryKey: keys.group(id),
  queryFn: () => getGroup(id),
  staleTime: 60_000,
});
