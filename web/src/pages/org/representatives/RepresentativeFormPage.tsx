/** Create or edit a representative, with the seats they hold. */
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GENDER_LABELS,
  REPRESENTATIVE_STATUS_LABELS,
  SECTORS,
  type Gender,
  type RepresentativeStatus,
} from '../../../../../src/modules/org/org.domain.ts';
import { normalizePhone } from '../../../../../src/lib/phone.ts';
import {
  createRepresentative,
  getRepresentative,
  updateRepresentative,
} from '../../../api/representatives.ts';
import { keys } from '../../../api/keys.ts';
import type { CreateRepresentativeBody, SeatInput } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { FullPageSpinner } from '../../../components/FullPageSpinner.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { fromDateString, toDateString } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';
import { SeatsEditor, type SeatFormValue } from './SeatsEditor.tsx';

interface Values {
  code: string;
  name: string;
  gender: Gender;
  ethnicity?: string;
  jurisdictionId: number;
  employer?: string;
  post?: string;
  sector?: string;
  status: RepresentativeStatus;
  statusNote?: string;
  isPublic: boolean;
  bio?: string;
  phone?: string;
  clearPhone?: boolean;
  seats: SeatFormValue[];
}

const orNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

export function RepresentativeFormPage() {
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
  const status = Form.useWatch('status', form);

  const existing = useQuery({
    queryKey: keys.representative(id ?? 0),
    queryFn: () => getRepresentative(id!),
    enabled: editing,
  });

  useEffect(() => {
    const r = existing.data;
    if (!r) return;
    form.setFieldsValue({
      code: r.code,
      name: r.name,
      gender: r.gender,
      ethnicity: r.ethnicity ?? undefined,
      jurisdictionId: r.jurisdiction.id,
      employer: r.employer ?? undefined,
      post: r.post ?? undefined,
      sector: r.sector ?? undefined,
      status: r.status,
      statusNote: r.statusNote ?? undefined,
      isPublic: r.isPublic,
      bio: r.bio ?? undefined,
      seats: r.seats.map((s) => ({
        congressId: s.congress.id,
        delegation: s.delegation,
        constituency: s.constituency,
        electedOn: fromDateString(s.electedOn),
        endedOn: fromDateString(s.endedOn),
      })),
    });
  }, [existing.data, form]);

  if (editing && existing.isPending) return <FullPageSpinner />;
  if (editing && existing.isError)
    return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;

  const submit = async (v: Values) => {
    setSaving(true);
    const seats: SeatInput[] = (v.seats ?? []).map((s) => ({
      congressId: s.congressId!,
      delegation: orNull(s.delegation),
      constituency: orNull(s.constituency),
      electedOn: toDateString(s.electedOn),
      endedOn: toDateString(s.endedOn),
    }));
    const body: CreateRepresentativeBody = {
      code: v.code.trim(),
      name: v.name.trim(),
      gender: v.gender,
      ethnicity: orNull(v.ethnicity),
      jurisdictionId: v.jurisdictionId,
      employer: orNull(v.employer),
      post: orNull(v.post),
      sector: orNull(v.sector),
      status: v.status,
      statusNote: v.status === 'active' ? null : orNull(v.statusNote),
      isPublic: v.isPublic,
      bio: orNull(v.bio),
      seats,
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : v.clearPhone ? { phone: null } : {}),
    };
    try {
      const saved = editing ? await updateRepresentative(id, body) : await createRepresentative(body);
      await qc.invalidateQueries({ queryKey: keys.representatives });
      void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
      void message.success(editing ? t('common.saved') : t('rep.created', { name: saved.name }));
      void navigate(`/org/representatives?view=${saved.id}`);
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('v.required', { field }),
  });
  const max = (n: number) => ({ max: n, message: t('v.max', { n }) });
  // The server's PlainText rule: no < > and no control characters.
  const plain = { pattern: /^[^<>\p{Cc}]*$/u, message: t('v.plain') };
  const hasPhone = !!existing.data?.phoneMasked;

  return (
    <div>
      <PageHeader
        back="/org/representatives"
        title={editing ? t('rep.editTitle', { name: existing.data?.name ?? '' }) : t('rep.create')}
        subtitle={t('rep.formSubtitle')}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{
          gender: 'male',
          status: 'active',
          isPublic: true,
          seats: [],
          jurisdictionId: scopeId,
        }}
      >
        <Card variant="borderless" title={t('rep.sectionProfile')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="name" label={t('rep.name')} rules={[required(t('rep.name')), max(50), plain]}>
                <Input autoFocus={!editing} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item
                name="code"
                label={t('rep.code')}
                extra={t('rep.codeHint')}
                rules={[
                  required(t('rep.code')),
                  max(32),
                  { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('v.code') },
                ]}
              >
                <Input placeholder="SX0001" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12} lg={4}>
              <Form.Item
                name="gender"
                label={t('rep.gender')}
                rules={[{ required: true, message: t('v.choose', { field: t('rep.gender') }) }]}
              >
                <Radio.Group options={optionsOf(GENDER_LABELS, lang)} optionType="button" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12} lg={4}>
              <Form.Item name="ethnicity" label={t('rep.ethnicity')} rules={[max(20), plain]}>
                <AutoComplete
                  options={['汉族', '回族', '满族', '蒙古族', '壮族', '畲族'].map((v) => ({ value: v }))}
                  placeholder="汉族"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item
                name="jurisdictionId"
                label={t('rep.jurisdiction')}
                extra={t('rep.jurisdictionHint')}
                rules={[{ required: true, message: t('v.choose', { field: t('rep.jurisdiction') }) }]}
              >
                <JurisdictionTreeSelect allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="employer" label={t('rep.employer')} rules={[max(200), plain]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item name="post" label={t('rep.post')} rules={[max(100), plain]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item name="sector" label={t('rep.sector')} rules={[max(50), plain]}>
                <AutoComplete
                  options={SECTORS.map((s) => ({ value: s }))}
                  filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item
                name="phone"
                label={t('rep.phone')}
                extra={
                  hasPhone
                    ? t('rep.phoneKeep', { masked: existing.data?.phoneMasked ?? '' })
                    : t('rep.phoneHint')
                }
                rules={[
                  {
                    validator: async (_, value: string | undefined) => {
                      if (value && value.trim() && !normalizePhone(value))
                        throw new Error(t('rep.phoneInvalid'));
                    },
                  },
                ]}
              >
                <Input
                  inputMode="tel"
                  autoComplete="off"
                  placeholder={hasPhone ? (existing.data?.phoneMasked ?? '') : '13800000000'}
                />
              </Form.Item>
              {hasPhone && (
                <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
                  <Checkbox>{t('rep.clearPhone')}</Checkbox>
                </Form.Item>
              )}
            </Col>
            <Col xs={12} sm={12} lg={8}>
              <Form.Item name="status" label={t('rep.status')} rules={[{ required: true }]}>
                <Select options={optionsOf(REPRESENTATIVE_STATUS_LABELS, lang)} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12} lg={8}>
              <Form.Item
                name="isPublic"
                label={t('rep.isPublic')}
                valuePropName="checked"
                extra={t('rep.isPublicHint')}
              >
                <Switch />
              </Form.Item>
            </Col>
            {status && status !== 'active' && (
              <Col xs={24}>
                <Form.Item
                  name="statusNote"
                  label={t('rep.statusNote')}
                  rules={[required(t('rep.statusNote')), max(500), plain]}
                >
                  <Input placeholder={t('rep.statusNotePlaceholder')} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24}>
              <Form.Item
                name="bio"
                label={t('rep.bio')}
                rules={[max(2000), { pattern: /^[^<>]*$/, message: t('v.plain') }]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card
          variant="borderless"
          title={t('rep.seats')}
          style={{ marginBottom: 16 }}
          extra={<Typography.Text type="secondary">{t('rep.seatsHint')}</Typography.Text>}
        >
          <SeatsEditor />
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
