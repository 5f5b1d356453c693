/**
 * 登记意见: a liaison officer, representative or staff member types in what a citizen raised (at a
 * reception day, on a grid visit, by phone …). The citizen must have heard the privacy notice and
 * agreed. One Idempotency-Key per form: a double tap or a retry after a dropped connection
 * registers the opinion once. On success the tracking code is shown to hand to the citizen.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Switch,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { CHANNEL_LABELS, SUBMITTER_KIND_LABELS } from '../../../../src/modules/opinions/opinions.vocab.ts';
import { normalizePhone } from '../../../../src/lib/phone.ts';
import { intakeOpinion } from '../../api/opinions.ts';
import { keys } from '../../api/keys.ts';
import type { IntakeBody, OpinionView } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useReportError } from '../../components/errors.tsx';
import { CategorySelect } from '../../components/congresses.tsx';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect.tsx';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { GridPicker, StationPicker } from '../../components/orgPickers.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import { beijingToIso } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { downscalePhoto, MAX_PHOTOS } from './photos.ts';

const INTAKE_CHANNELS = ['reception', 'grid', 'visit', 'phone', 'online', 'staff'] as const;

interface Values {
  channel: IntakeBody['channel'];
  stationId?: number;
  representativeId?: number;
  gridId?: number;
  jurisdictionId?: number;
  categoryCode?: string;
  content: string;
  address?: string;
  submitterKind: 'citizen' | 'enterprise';
  anonymous: boolean;
  submitterName?: string;
  submitterPhone?: string;
  consentPrivacy: boolean;
  consentPublish: boolean;
  receivedAt?: dayjs.Dayjs;
}

/** A v4 UUID; crypto.randomUUID needs a secure context, which a console on a LAN address may not be. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function IntakePage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<OpinionView | null>(null);

  const stationId = Form.useWatch('stationId', form);
  const representativeId = Form.useWatch('representativeId', form);
  const gridId = Form.useWatch('gridId', form);
  const anonymous = Form.useWatch('anonymous', form);
  const placed = !!(stationId || representativeId || gridId);

  const initialValues: Partial<Values> = {
    channel: 'reception',
    submitterKind: 'citizen',
    anonymous: false,
    consentPrivacy: false,
    consentPublish: false,
    receivedAt: dayjs(),
    representativeId: user?.representativeId ?? undefined,
    jurisdictionId: user && user.jurisdiction.id > 0 ? user.jurisdiction.id : undefined,
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const files = photos.map((p) => p.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
      let photoInputs: IntakeBody['photos'];
      try {
        photoInputs = files.length ? await Promise.all(files.map((f) => downscalePhoto(f))) : undefined;
      } catch {
        void message.error(t('intake.photoUnreadable'));
        return;
      }
      const text = (s: string | undefined) => s?.trim() || undefined;
      const body: IntakeBody = {
        channel: v.channel,
        content: v.content.trim(),
        categoryCode: v.categoryCode || undefined,
        address: text(v.address),
        stationId: v.stationId || undefined,
        representativeId: v.representativeId || undefined,
        gridId: v.gridId || undefined,
        jurisdictionId: placed ? undefined : v.jurisdictionId,
        submitterKind: v.submitterKind,
        anonymous: v.anonymous,
        submitterName: v.anonymous ? undefined : text(v.submitterName),
        submitterPhone: text(v.submitterPhone),
        consentPrivacy: true,
        consentPublish: v.consentPublish,
        receivedAt: v.receivedAt ? beijingToIso(v.receivedAt) : undefined,
        photos: photoInputs,
      };
      const created = await intakeOpinion(body, idempotencyKey);
      setDone(created);
      void qc.invalidateQueries({ queryKey: keys.opinions });
      window.scrollTo({ top: 0 });
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const again = () => {
    setDone(null);
    setPhotos([]);
    form.resetFields();
    setIdempotencyKey(newKey());
  };

  if (done) {
    return (
      <div>
        <PageHeader title={t('nav.intake')} />
        <Card variant="borderless">
          <Result
            status="success"
            title={t('intake.doneTitle')}
            subTitle={t('intake.doneText')}
            extra={[
              <Button type="primary" key="again" onClick={again}>
                {t('intake.again')}
              </Button>,
              <Button key="view" onClick={() => void navigate(`/opinions/${done.id}`)}>
                {t('intake.view')}
              </Button>,
            ]}
          >
            <div style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary">{t('op.trackingCode')}</Typography.Text>
              <div>
                <Typography.Text
                  copyable
                  strong
                  style={{
                    fontSize: 30,
                    letterSpacing: 2,
                    fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                  }}
                >
                  {done.trackingCode}
                </Typography.Text>
              </div>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('intake.trackHint')}
              </Typography.Paragraph>
            </div>
          </Result>
        </Card>
      </div>
    );
  }

  return (
    <div>
      <PageHeader title={t('nav.intake')} subtitle={t('intake.subtitle')} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        scrollToFirstError={{ block: 'center' }}
        requiredMark="optional"
      >
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card variant="borderless" title={t('intake.opinion')} style={{ marginBottom: 16 }}>
              <Form.Item
                name="content"
                label={t('intake.content')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('v.required', { field: t('intake.content') }),
                  },
                  { pattern: /^[^<>]*$/, message: t('v.plain') },
                ]}
              >
                <Input.TextArea rows={7} maxLength={2000} showCount placeholder={t('intake.contentPh')} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="categoryCode" label={t('op.category')} extra={t('intake.categoryHint')}>
                    <CategorySelect />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="address"
                    label={t('op.address')}
                    rules={[{ pattern: /^[^<>]*$/, message: t('v.plain') }]}
                  >
                    <Input maxLength={200} placeholder={t('intake.addressPh')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('intake.photos')} extra={t('intake.photosHint', { n: MAX_PHOTOS })}>
                <Upload
                  listType="picture-card"
                  accept="image/*"
                  multiple
                  maxCount={MAX_PHOTOS}
                  fileList={photos}
                  beforeUpload={() => false}
                  onChange={({ fileList }) => setPhotos(fileList.slice(0, MAX_PHOTOS))}
                >
                  {photos.length < MAX_PHOTOS && (
                    <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
                      <PlusOutlined />
                      <div style={{ marginTop: 6 }}>{t('intake.addPhoto')}</div>
                    </button>
                  )}
                </Upload>
              </Form.Item>
            </Card>
            <Card variant="borderless" title={t('op.submitterTitle')} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="submitterKind" label={t('op.submitterKind')}>
                    <Radio.Group optionType="button" options={optionsOf(SUBMITTER_KIND_LABELS, lang)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="anonymous" label={t('op.anonymous')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                {!anonymous && (
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="submitterName"
                      label={t('op.submitterName')}
                      rules={[{ pattern: /^[^<>]*$/, message: t('v.plain') }]}
                    >
                      <Input maxLength={50} autoComplete="off" />
                    </Form.Item>
                  </Col>
                )}
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="submitterPhone"
                    label={t('op.phone')}
                    extra={t('intake.phoneHint')}
                    rules={[
                      {
                        validator: (_r, value?: string) =>
                          !value?.trim() || normalizePhone(value)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('intake.phoneInvalid'))),
                      },
                    ]}
                  >
                    <Input maxLength={30} inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card variant="borderless" title={t('op.sourceTitle')} style={{ marginBottom: 16 }}>
              <Form.Item
                name="channel"
                label={t('op.channel')}
                rules={[{ required: true, message: t('v.choose', { field: t('op.channel') }) }]}
              >
                <Radio.Group
                  options={optionsOf(CHANNEL_LABELS, lang, INTAKE_CHANNELS)}
                  style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
                />
              </Form.Item>
              <Form.Item name="stationId" label={t('op.station')}>
                <StationPicker onChange={() => form.setFieldValue('gridId', undefined)} />
              </Form.Item>
              <Form.Item name="representativeId" label={t('op.representative')}>
                <RepresentativePicker />
              </Form.Item>
              <Form.Item name="gridId" label={t('op.grid')}>
                <GridPicker stationId={stationId} />
              </Form.Item>
              <Form.Item
                name="jurisdictionId"
                label={t('common.jurisdiction')}
                extra={placed ? t('intake.jurisdictionFromPlace') : t('intake.jurisdictionHint')}
                rules={[
                  {
                    required: !placed,
                    message: t('intake.jurisdictionRequired'),
                  },
                ]}
              >
                <JurisdictionTreeSelect disabled={placed} />
              </Form.Item>
              <Form.Item name="receivedAt" label={t('intake.receivedAt')} extra={t('intake.receivedAtHint')}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Card>
            <Card variant="borderless" title={t('intake.consent')} style={{ marginBottom: 16 }}>
              <Alert type="info" style={{ marginBottom: 12 }} title={t('intake.privacyNotice')} />
              <Form.Item
                name="consentPrivacy"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_r, v: boolean) =>
                      v ? Promise.resolve() : Promise.reject(new Error(t('intake.consentRequired'))),
                  },
                ]}
                style={{ marginBottom: 8 }}
              >
                <Checkbox>{t('intake.consentPrivacy')}</Checkbox>
              </Form.Item>
              <Form.Item name="consentPublish" valuePropName="checked" extra={t('intake.consentPublishHint')}>
                <Checkbox>{t('intake.consentPublish')}</Checkbox>
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <div className="form-actions">
          <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('intake.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
