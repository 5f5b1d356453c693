/**
 * What an activity leaves behind: the minutes (纪要, edited in place by managers), its outputs
 * (a suggestion formed there, a report written from it), photos, and — for a reception day — the
 * opinions registered at the station that day.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Image,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import {
  CameraOutlined,
  EditOutlined,
  FileTextOutlined,
  PlusOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { OpinionState } from '../../../../src/modules/opinions/opinions.vocab.ts';
import { addOutput, addPhotos, photoUrl, updateActivity } from '../../api/activities.ts';
import { isApiError } from '../../api/client.ts';
import { listSuggestions } from '../../api/suggestions.ts';
import type { ActivityDetail } from '../../api/types.ts';
import { OpinionStatusTag } from '../../components/opinionTags.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { downscalePhoto } from '../opinions/photos.ts';

const MAX_PHOTOS_AT_ONCE = 9;

export function MinutesCard({
  a,
  onUpdated,
}: {
  a: ActivityDetail;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const can = a.canManage && a.status === 'planned';
  if (!a.minutes && !can) return null;
  const save = async () => {
    setSaving(true);
    try {
      const next = await updateActivity(a.id, { version: a.version, minutes: text.trim() || null });
      void message.success(t('common.saved'));
      setEditing(false);
      onUpdated(next);
    } catch (err) {
      report(err);
      if (isApiError(err) && err.code === 'CONFLICT') onUpdated();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      variant="borderless"
      title={t('act.minutes')}
      style={{ marginBottom: 16 }}
      extra={
        can &&
        !editing && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setText(a.minutes ?? '');
              setEditing(true);
            }}
          >
            {a.minutes ? t('common.edit') : t('act.minutesWrite')}
          </Button>
        )
      }
    >
      {editing ? (
        <>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 24 }}
            maxLength={20000}
            showCount
            placeholder={t('act.minutesPlaceholder')}
            autoFocus
          />
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 12 }}>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </div>
        </>
      ) : a.minutes ? (
        <div className="user-text suggestion-text">{a.minutes}</div>
      ) : (
        <Typography.Text type="secondary">{t('act.minutesNone')}</Typography.Text>
      )}
    </Card>
  );
}

export function OutputsCard({
  a,
  onUpdated,
}: {
  a: ActivityDetail;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  if (a.outputs.length === 0 && !a.canManage) return null;
  return (
    <Card
      variant="borderless"
      title={t('act.outputs')}
      style={{ marginBottom: 16 }}
      extra={
        a.canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('act.output.add')}
          </Button>
        )
      }
    >
      {a.outputs.length === 0 ? (
        <Typography.Text type="secondary">{t('act.output.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={a.outputs}
          renderItem={(o) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space size={8} wrap>
                {o.kind === 'suggestion' ? (
                  <Tag icon={<SolutionOutlined />} color="blue">
                    {t('act.output.suggestion')}
                  </Tag>
                ) : (
                  <Tag icon={<FileTextOutlined />}>{t('act.output.report')}</Tag>
                )}
                {o.suggestionId && can('suggestions.read') ? (
                  <Link to={`/suggestions/${o.suggestionId}`}>{o.title}</Link>
                ) : (
                  <span>{o.title}</span>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <AddOutputModal open={adding} a={a} onClose={() => setAdding(false)} onUpdated={onUpdated} />
    </Card>
  );
}

function AddOutputModal({
  open,
  a,
  onClose,
  onUpdated,
}: {
  open: boolean;
  a: ActivityDetail;
  onClose: () => void;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ kind: 'suggestion' | 'report'; suggestionId?: number; title?: string }>();
  const kind = Form.useWatch('kind', form);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [busy, setBusy] = useState(false);
  const found = useQuery({
    queryKey: ['suggestions', 'picker', q],
    queryFn: ({ signal }) => listSuggestions({ view: 'all', q: q || undefined, pageSize: 20 }, signal),
    enabled: open && kind === 'suggestion',
    staleTime: 30_000,
  });
  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const next = await addOutput(
        a.id,
        v.kind === 'suggestion'
          ? { kind: 'suggestion', suggestionId: v.suggestionId! }
          : { kind: 'report', title: (v.title ?? '').trim() },
      );
      void message.success(t('common.saved'));
      onUpdated(next);
      onClose();
    } catch (err) {
      report(err, { form });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('act.output.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'suggestion' }} preserve={false}>
        <Form.Item name="kind" label={t('act.output.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'suggestion', label: t('act.output.suggestion') },
              { value: 'report', label: t('act.output.report') },
            ]}
          />
        </Form.Item>
        {kind === 'report' ? (
          <Form.Item
            name="title"
            label={t('act.output.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('v.required', { field: t('act.output.title') }),
              },
              { max: 200, message: t('v.max', { n: 200 }) },
            ]}
          >
            <Input placeholder={t('act.output.titlePlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="suggestionId"
            label={t('act.output.suggestion')}
            extra={t('act.output.suggestionHint')}
            rules={[{ required: true, message: t('v.choose', { field: t('act.output.suggestion') }) }]}
          >
            <Select<number>
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={found.isFetching}
              placeholder={t('sug.searchPlaceholder')}
              options={(found.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.caseLabel ?? `#${s.id}`} ${s.title || t('sug.untitled')}`,
              }))}
              notFoundContent={found.isFetching ? t('common.loading') : t('common.noMatch')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function PhotosCard({
  a,
  onUpdated,
}: {
  a: ActivityDetail;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [uploading, setUploading] = useState(false);
  if (a.photos.length === 0 && !a.canManage) return null;
  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setUploading(true);
    try {
      const photos = await Promise.all(files.slice(0, MAX_PHOTOS_AT_ONCE).map(downscalePhoto));
      const next = await addPhotos(a.id, photos);
      void message.success(t('act.photos.added', { n: photos.length }));
      onUpdated(next);
    } catch (err) {
      report(err);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Card
      variant="borderless"
      title={t('act.photosN', { n: a.photos.length })}
      style={{ marginBottom: 16 }}
      extra={
        a.canManage && (
          <Upload
            accept="image/jpeg,image/png,image/webp"
            multiple
            showUploadList={false}
            beforeUpload={(file, list) => {
              // Called once per file: act on the last of the batch with the whole batch.
              if (file === list[list.length - 1]) void upload(list);
              return false;
            }}
          >
            <Button size="small" icon={<CameraOutlined />} loading={uploading}>
              {t('act.photos.add')}
            </Button>
          </Upload>
        )
      }
    >
      {a.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('act.photos.none')} />
      ) : (
        <Image.PreviewGroup>
          <div className="activity-gallery">
            {a.photos.map((p, i) => (
              <Image
                key={p.id}
                src={photoUrl(a.id, p.id)}
                alt={p.fileName ?? t('act.photos.n', { n: i + 1 })}
                width="100%"
                height="100%"
              />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {a.canManage && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('act.photos.hint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** Opinions registered at this reception day (the station's, that day). */
export function ReceptionOpinionsCard({ a }: { a: ActivityDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (a.kind !== 'reception' || a.organiser !== 'station') return null;
  return (
    <Card
      variant="borderless"
      title={t('act.opinionsN', { n: a.opinions.length })}
      style={{ marginBottom: 16 }}
    >
      {a.opinions.length === 0 ? (
        <Typography.Text type="secondary">{t('act.opinionsNone')}</Typography.Text>
      ) : (
        <div className="opinion-chips">
          {a.opinions.map((o) => (
            <span key={o.id} className="opinion-chip">
              {can('opinions.read') ? (
                <Link to={`/opinions/${o.id}`} className="tracking-code">
                  {o.trackingCode}
                </Link>
              ) : (
                <span className="tracking-code">{o.trackingCode}</span>
              )}
              <OpinionStatusTag status={o.status as OpinionState} />
            </span>
          ))}
        </div>
      )}
      {can('opinions.intake') && a.status === 'planned' && (
        <div style={{ marginTop: 12 }}>
          <Link to="/opinions/new">
            <Button size="small" icon={<PlusOutlined />}>
              {t('act.opinionsRegister')}
            </Button>
          </Link>
        </div>
      )}
    </Card>
  );
}
