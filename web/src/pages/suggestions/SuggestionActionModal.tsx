/**
 * One action of the suggestion state machine as a small form for its body (ACTION_BODIES in
 * suggestions.schema.ts). Every body carries the version the user saw: when someone else changed
 * the case first the server answers 409 CONFLICT; the page reloads the case and the form stays
 * open with what was typed, so a long reply is not lost. A refusal (409 INVALID_TRANSITION, 403)
 * is shown as the server words it.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
  Upload,
} from 'antd';
import { DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import {
  EVALUATION_RATING_LABELS,
  REPLY_CLASS_LABELS,
  REPLY_CLASSES,
  SUGGESTION_STATE_LABELS,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import { isApiError } from '../../api/client.ts';
import { actOnSuggestion, listRefusalReasons, listSuggestions } from '../../api/suggestions.ts';
import type {
  SuggestionActionBody,
  SuggestionDetail,
  SuggestionListItem,
  SuggestionUserAction,
} from '../../api/types.ts';
import { AccountPicker } from '../../components/AccountPicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { problemText, useReportError } from '../../components/errors.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { formatBeijingDate } from '../../lib/format.ts';
import { redact } from '../opinions/redact.ts';

export const SUGGESTION_ACTION_LABEL: Record<SuggestionUserAction, StringKey> = {
  submit: 'sug.act.submit',
  withdraw: 'sug.act.withdraw',
  register: 'sug.act.register',
  refuse: 'sug.act.refuse',
  merge: 'sug.act.merge',
  assign: 'sug.act.assign',
  sign: 'sug.act.sign',
  request_return: 'sug.act.request_return',
  approve_return: 'sug.act.approve_return',
  refuse_return: 'sug.act.refuse_return',
  request_extension: 'sug.act.request_extension',
  approve_extension: 'sug.act.approve_extension',
  refuse_extension: 'sug.act.refuse_extension',
  reply: 'sug.act.reply',
  evaluate: 'sug.act.evaluate',
  resolve_escalation: 'sug.act.resolve_escalation',
  publish: 'sug.act.publish',
};

const ACTION_HINT: Partial<Record<SuggestionUserAction, StringKey>> = {
  submit: 'sug.actHint.submit',
  withdraw: 'sug.actHint.withdraw',
  register: 'sug.actHint.register',
  refuse: 'sug.actHint.refuse',
  merge: 'sug.actHint.merge',
  assign: 'sug.actHint.assign',
  sign: 'sug.actHint.sign',
  request_return: 'sug.actHint.request_return',
  request_extension: 'sug.actHint.request_extension',
  reply: 'sug.actHint.reply',
  evaluate: 'sug.actHint.evaluate',
  resolve_escalation: 'sug.actHint.resolve_escalation',
  publish: 'sug.actHint.publish',
};

/** Actions that undo or refuse something: their button is red. */
export const DANGER_SUGGESTION_ACTIONS: readonly SuggestionUserAction[] = [
  'withdraw',
  'refuse',
  'refuse_return',
  'refuse_extension',
];

type Values = Record<string, unknown>;

/** Trimmed strings; empty optional text left out (the server refuses empty strings where it wants none). */
function clean(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string') {
      const s = v.trim();
      if (s) out[k] = s;
    } else if (dayjs.isDayjs(v)) out[k] = v.format('YYYY-MM-DD');
    else if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

/** The body of the reply: commitments cleaned, kept only for class B. */
function replyBody(values: Values): Values {
  const out = clean(values);
  const list = (values.commitments as { content?: string; dueDate?: dayjs.Dayjs | null }[] | undefined) ?? [];
  const commitments = list
    .map((c) => ({
      content: (c.content ?? '').trim(),
      ...(c.dueDate ? { dueDate: c.dueDate.format('YYYY-MM-DD') } : {}),
    }))
    .filter((c) => c.content);
  if (values.replyClass === 'B' || commitments.length > 0) out.commitments = commitments;
  else delete out.commitments;
  return out;
}

function assignBody(values: Values): Values {
  const out = clean(values);
  if (!values.keySupervision) {
    delete out.keySupervision;
    delete out.supervisorUserId;
  }
  if (Array.isArray(values.coUnitIds) && values.coUnitIds.length === 0) delete out.coUnitIds;
  return out;
}

export function SuggestionActionModal({
  item,
  detail,
  action,
  onClose,
  onDone,
  onConflict,
}: {
  item: SuggestionListItem;
  /** The whole case where the form needs it (reply, extension decisions, publication). */
  detail?: SuggestionDetail;
  action: SuggestionUserAction | null;
  onClose: () => void;
  onDone: (updated: SuggestionDetail) => void;
  /** Someone else changed the case first: reload it (the form stays open with the new version). */
  onConflict: () => Promise<unknown>;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const close = () => {
    setNotice(null);
    onClose();
  };

  const submit = async (values: Values) => {
    if (!action) return;
    setSaving(true);
    try {
      const shaped =
        action === 'reply' ? replyBody(values) : action === 'assign' ? assignBody(values) : clean(values);
      const body = { ...shaped, version: item.version } as SuggestionActionBody<typeof action>;
      const updated = await actOnSuggestion(item.id, action, body);
      void message.success(t('sug.actDone', { action: t(SUGGESTION_ACTION_LABEL[action]) }));
      setNotice(null);
      onDone(updated);
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT') {
        setNotice(`${problemText(err, lang)} ${t('sug.conflictReloaded')}`);
        await onConflict();
      } else if (isApiError(err) && (err.code === 'INVALID_TRANSITION' || err.status === 403)) {
        setNotice(problemText(err, lang));
      } else report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const hint = action ? ACTION_HINT[action] : undefined;
  const wide = action === 'publish' || action === 'reply' || action === 'assign';
  const heading = item.caseLabel ?? item.title;
  return (
    <Modal
      open={action !== null}
      title={
        action ? (
          <div className="modal-title-line" title={heading}>
            {t(SUGGESTION_ACTION_LABEL[action])} · {heading}
          </div>
        ) : (
          ''
        )
      }
      onCancel={close}
      onOk={() => form.submit()}
      okText={action ? t(SUGGESTION_ACTION_LABEL[action]) : undefined}
      okButtonProps={{ danger: action ? DANGER_SUGGESTION_ACTIONS.includes(action) : false, loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={wide ? 760 : 560}
      maskClosable={false}
    >
      {action && (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          {notice && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={notice}
              closable={{ onClose: () => setNotice(null) }}
            />
          )}
          {hint && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t(hint)}
            </Typography.Paragraph>
          )}
          <ActionFields action={action} item={item} detail={detail} />
        </Form>
      )}
    </Modal>
  );
}

export function Note({
  name = 'note',
  label,
  required,
  max = 1000,
  rows = 3,
  initialValue,
  placeholder,
}: {
  name?: string | (string | number)[];
  label: string;
  required?: boolean;
  max?: number;
  rows?: number;
  initialValue?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      initialValue={initialValue}
      rules={
        required ? [{ required: true, whitespace: true, message: t('v.required', { field: label }) }] : []
      }
    >
      <Input.TextArea rows={rows} maxLength={max} showCount placeholder={placeholder} />
    </Form.Item>
  );
}

function ActionFields({
  action,
  item,
  detail,
}: {
  action: SuggestionUserAction;
  item: SuggestionListItem;
  detail?: SuggestionDetail;
}) {
  const { t, lang } = useI18n();
  const ratings = optionsOf(EVALUATION_RATING_LABELS, lang);
  switch (action) {
    case 'submit':
      return <Alert type="info" showIcon title={t('sug.submitCheck')} />;
    case 'withdraw':
      return <Note name="reason" label={t('sug.field.withdrawReason')} max={500} />;
    case 'register':
    case 'sign':
    case 'approve_return':
      return <Note label={t('sug.field.note')} />;
    case 'refuse':
      return <RefuseFields />;
    case 'merge':
      return (
        <>
          <Form.Item
            name="targetId"
            label={t('sug.field.mergeTarget')}
            extra={t('sug.field.mergeTargetHint')}
            rules={[{ required: true, message: t('v.choose', { field: t('sug.field.mergeTarget') }) }]}
          >
            <MergeTargetSelect item={item} />
          </Form.Item>
          <Note label={t('sug.field.note')} />
        </>
      );
    case 'assign':
      return <AssignFields />;
    case 'request_return':
      return <Note name="reason" label={t('sug.field.returnReason')} required max={500} />;
    case 'refuse_return':
      return <Note label={t('sug.field.refuseReturn')} required max={500} />;
    case 'request_extension':
      return (
        <>
          <UntilField
            item={item}
            required
            label={t('sug.field.extendUntil')}
            extra={t('sug.field.extendUntilHint', {
              max: formatBeijingDate(item.deadlines.maxReplyDue) || '—',
            })}
          />
          <Note name="reason" label={t('sug.field.extensionReason')} required max={1000} />
        </>
      );
    case 'approve_extension': {
      const pending = detail?.extensions.find((e) => e.decision === null);
      return (
        <>
          {pending && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('sug.ext.requested', { date: pending.requestedDue.slice(0, 10) })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{pending.reason}</span>}
            />
          )}
          <UntilField
            item={item}
            label={t('sug.field.approveUntil')}
            extra={t('sug.field.approveUntilHint')}
            initial={pending?.requestedDue.slice(0, 10)}
          />
          <Note label={t('sug.field.note')} />
        </>
      );
    }
    case 'refuse_extension':
      return <Note label={t('sug.field.refuseExtension')} required max={500} />;
    case 'reply':
      return <ReplyFields />;
    case 'evaluate':
      return (
        <>
          <Form.Item
            name="attitude"
            label={t('sug.field.attitude')}
            rules={[{ required: true, message: t('v.choose', { field: t('sug.field.attitude') }) }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" options={ratings} />
          </Form.Item>
          <Form.Item
            name="result"
            label={t('sug.field.result')}
            rules={[{ required: true, message: t('v.choose', { field: t('sug.field.result') }) }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" options={ratings} />
          </Form.Item>
          <Note name="comment" label={t('sug.field.evaluationComment')} max={2000} rows={4} />
        </>
      );
    case 'resolve_escalation':
      return <Note label={t('sug.field.escalationNote')} required max={2000} rows={5} />;
    case 'publish':
      return <PublishFields item={item} detail={detail} />;
  }
}

function RefuseFields() {
  const { t, lang } = useI18n();
  const reasons = useQuery({
    queryKey: ['suggestions', 'refusal-reasons'],
    queryFn: () => listRefusalReasons(),
    staleTime: 5 * 60_000,
  });
  return (
    <>
      <Form.Item
        name="reason"
        label={t('sug.field.refuseReason')}
        rules={[{ required: true, message: t('v.choose', { field: t('sug.field.refuseReason') }) }]}
      >
        <Select
          loading={reasons.isPending}
          options={(reasons.data ?? [])
            .filter((r) => r.active)
            .map((r) => ({ value: r.code, label: lang === 'en' ? r.labelEn : r.labelZh }))}
        />
      </Form.Item>
      <Note label={t('sug.field.refuseNote')} required max={500} placeholder={t('sug.field.refuseNotePh')} />
    </>
  );
}

/**
 * 并案: a case of the same congress and kind that is still waiting to be screened or assigned,
 * found by its number or words of its title.
 */
function MergeTargetSelect({
  value,
  onChange,
  item,
  id,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  item: SuggestionListItem;
  id?: string;
}) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ['suggestions', 'merge-targets', item.congress.id, item.kind, q],
    queryFn: async () => {
      const common = { congressId: item.congress.id, kind: item.kind, q: q || undefined, pageSize: 20 };
      const [a, b] = await Promise.all([
        listSuggestions({ ...common, view: 'to_assign' }),
        listSuggestions({ ...common, view: 'screening' }),
      ]);
      return [...a.items, ...b.items];
    },
    staleTime: 15_000,
  });
  const options = (found.data ?? [])
    .filter((s) => s.id !== item.id)
    .map((s) => ({
      value: s.id,
      label: `${s.caseLabel ?? `#${s.id}`} ${s.title.slice(0, 30)}`,
      render: (
        <div style={{ lineHeight: 1.4, padding: '2px 0' }}>
          <span className="case-no">{s.caseLabel ?? `#${s.id}`}</span>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.lead.name} · {label(SUGGESTION_STATE_LABELS[s.status])}
          </Typography.Text>
          <div style={{ fontSize: 13, whiteSpace: 'normal' }}>{s.title}</div>
        </div>
      ),
    }));
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      placeholder={t('sug.field.mergeSearch')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      options={options}
      optionRender={(o) => o.data.render}
      notFoundContent={found.isFetching ? t('common.loading') : t('picker.noMatch')}
    />
  );
}

/** 交办: the lead unit, up to ten co-units, 重点督办 with the leader who supervises it, and the note. */
export function AssignFields({ bulk }: { bulk?: boolean }) {
  const { t } = useI18n();
  const lead = Form.useWatch<number | undefined>('leadUnitId');
  const key = Form.useWatch<boolean | undefined>('keySupervision');
  return (
    <>
      <Form.Item
        name="leadUnitId"
        label={t('sug.leadUnit')}
        rules={[{ required: true, message: t('v.choose', { field: t('sug.leadUnit') }) }]}
      >
        <UnitPicker />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('sug.coUnits')} extra={t('sug.field.coUnitsHint')}>
        <UnitPicker
          multiple
          max={10}
          excludeIds={lead ? [lead] : []}
          placeholder={t('sug.field.coUnitsPh')}
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: '0 24px', flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Form.Item name="keySupervision" label={t('sug.key')} valuePropName="checked" initialValue={false}>
          <Switch />
        </Form.Item>
        {key && (
          <Form.Item
            name="supervisorUserId"
            label={t('sug.field.supervisor')}
            style={{ minWidth: 240, flex: 1 }}
            extra={bulk ? t('sug.bulk.keyHint') : undefined}
          >
            <AccountPicker role="leader" placeholder={t('sug.field.supervisorPh')} />
          </Form.Item>
        )}
      </div>
      <Note label={t('sug.field.assignNote')} />
    </>
  );
}

/** A date after the current reply deadline and no later than T0 + 6 months (代表法 Art. 51). */
function UntilField({
  item,
  required,
  label,
  extra,
  initial,
}: {
  item: SuggestionListItem;
  required?: boolean;
  label: string;
  extra?: string;
  initial?: string;
}) {
  const { t } = useI18n();
  const current = item.deadlines.replyDue ? formatBeijingDate(item.deadlines.replyDue) : null;
  const max = item.deadlines.maxReplyDue ? formatBeijingDate(item.deadlines.maxReplyDue) : null;
  return (
    <Form.Item
      name="until"
      label={label}
      extra={
        <>
          {current && <div>{t('sug.ext.currentDue', { date: current })}</div>}
          {extra}
        </>
      }
      initialValue={initial ? dayjs(initial) : undefined}
      rules={required ? [{ required: true, message: t('v.choose', { field: label }) }] : []}
    >
      <DatePicker
        style={{ width: 200 }}
        // Open on the first date that may be chosen, not on today's month.
        defaultPickerValue={current ? dayjs(current).add(1, 'day') : undefined}
        disabledDate={(d) =>
          (current !== null && d.format('YYYY-MM-DD') <= current) ||
          (max !== null && d.format('YYYY-MM-DD') > max)
        }
      />
    </Form.Item>
  );
}

/** The reply: class, document number, signer, text, the commitments of a class-B reply, an attachment. */
function ReplyFields() {
  const { t, lang } = useI18n();
  const replyClass = Form.useWatch<string | undefined>('replyClass');
  return (
    <>
      <Form.Item
        name="replyClass"
        label={t('sug.replyClass')}
        rules={[{ required: true, message: t('v.choose', { field: t('sug.replyClass') }) }]}
      >
        <Radio.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={optionsOf(REPLY_CLASS_LABELS, lang, REPLY_CLASSES)}
        />
      </Form.Item>
      <div className="form-row-2">
        <Form.Item
          name="documentNumber"
          label={t('sug.field.documentNumber')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('v.required', { field: t('sug.field.documentNumber') }),
            },
          ]}
        >
          <Input maxLength={64} placeholder={t('sug.field.documentNumberPh')} />
        </Form.Item>
        <Form.Item
          name="signer"
          label={t('sug.field.signer')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('sug.field.signer') }) },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </div>
      <Note name="body" label={t('sug.field.replyBody')} required max={20000} rows={8} />
      <CommitmentsField required={replyClass === 'B'} />
      <Form.Item name="attachment" label={t('sug.field.attachment')} extra={t('sug.field.attachmentHint')}>
        <AttachmentInput />
      </Form.Item>
    </>
  );
}

/** 承诺事项: what a class-B reply commits to, each with an optional planned date. */
function CommitmentsField({ required }: { required: boolean }) {
  const { t } = useI18n();
  return (
    <Form.List
      name="commitments"
      rules={[
        {
          validator: async (_r, list: unknown[] | undefined) => {
            if (required && (!list || list.length === 0)) throw new Error(t('sug.field.commitmentsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item
          label={t('sug.commitments')}
          required={required}
          extra={required ? t('sug.field.commitmentsHint') : t('sug.field.commitmentsOptional')}
        >
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {fields.map((f, i) => (
              <div key={f.key} className="commitment-row">
                <span className="commitment-index">{i + 1}.</span>
                <Form.Item
                  name={[f.name, 'content']}
                  className="commitment-content"
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('v.required', { field: t('sug.field.commitmentContent') }),
                    },
                  ]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    placeholder={t('sug.field.commitmentContent')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'dueDate']} style={{ margin: 0 }}>
                  <DatePicker placeholder={t('sug.field.commitmentDue')} style={{ width: 140 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(f.name)}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ content: '' })}
              disabled={fields.length >= 20}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('sug.field.addCommitment')}
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        </Form.Item>
      )}
    </Form.List>
  );
}

const MAX_ATTACHMENT = 10 * 1024 * 1024;

/** The file as base64 without the data: prefix. */
function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A PDF or DOCX attached to the reply, held in the form as {fileName, dataBase64}. */
function AttachmentInput({
  value,
  onChange,
}: {
  value?: { fileName: string; dataBase64: string };
  onChange?: (v: { fileName: string; dataBase64: string } | undefined) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const size = value ? Math.round((value.dataBase64.length * 3) / 4 / 1024) : 0;
  return value ? (
    <Space size={8} wrap>
      <PaperClipOutlined />
      <span>{value.fileName}</span>
      <Typography.Text type="secondary">{size} KB</Typography.Text>
      <Button size="small" type="link" danger onClick={() => onChange?.(undefined)}>
        {t('common.remove')}
      </Button>
    </Space>
  ) : (
    <Upload
      accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        if (file.size > MAX_ATTACHMENT) {
          void message.error(t('sug.field.attachmentTooBig'));
          return Upload.LIST_IGNORE;
        }
        readBase64(file).then(
          (dataBase64) => onChange?.({ fileName: file.name, dataBase64 }),
          () => void message.error(t('sug.field.attachmentUnreadable')),
        );
        return false;
      }}
    >
      <Button icon={<PaperClipOutlined />}>{t('sug.field.chooseFile')}</Button>
    </Upload>
  );
}

/** 公开: the texts as the public will read them, prefilled with the obvious personal details masked. */
function PublishFields({ item, detail }: { item: SuggestionListItem; detail?: SuggestionDetail }) {
  const { t } = useI18n();
  const lastReply = useMemo(
    () => [...(detail?.replies ?? [])].sort((a, b) => a.repliedAt.localeCompare(b.repliedAt)).at(-1),
    [detail?.replies],
  );
  const body = detail
    ? [
        `${t('sug.background')}：\n${detail.background}`,
        `${t('sug.proposals')}：\n${detail.proposals}`,
        ...(detail.basis ? [`${t('sug.basis')}：\n${detail.basis}`] : []),
      ].join('\n\n')
    : '';
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('sug.publish.check')} />
      <Form.Item
        name="title"
        label={t('sug.publish.title')}
        initialValue={item.title}
        rules={[
          { required: true, whitespace: true, message: t('v.required', { field: t('sug.publish.title') }) },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Note
        name="body"
        label={t('sug.publish.body')}
        required
        max={20000}
        rows={7}
        initialValue={redact(body)}
      />
      <Note
        name="reply"
        label={t('sug.publish.reply')}
        required
        max={20000}
        rows={7}
        initialValue={redact(lastReply?.body ?? '')}
      />
    </>
  );
}
