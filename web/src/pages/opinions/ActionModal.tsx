/**
 * One action of the state machine as a small form for its body (ACTION_BODIES in opinions.schema.ts).
 * Every body carries the version the user saw: if someone else acted first the server answers 409,
 * and the form says so and reloads the item.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  OPINION_STATES,
  RATING_LABELS,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  REPLY_RESULT_LABELS,
  FINAL_STATES,
  type RejectionReason,
} from '../../../../src/modules/opinions/opinions.vocab.ts';
import { isApiError } from '../../api/client.ts';
import { actOnOpinion, getRouting, listOpinions } from '../../api/opinions.ts';
import { getDeadline } from '../../api/calendar.ts';
import type { ActionBody, OpinionView, UserAction } from '../../api/types.ts';
import { CategorySelect, useCategoryName } from '../../components/congresses.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { problemText, useReportError } from '../../components/errors.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { formatBeijingDate, formatRate } from '../../lib/format.ts';
import { redact } from './redact.ts';
import { UnitSuggestions } from './UnitSuggestions.tsx';

export const ACTION_LABEL: Record<UserAction, StringKey> = {
  accept: 'op.act.accept',
  reject: 'op.act.reject',
  merge: 'op.act.merge',
  answer_on_spot: 'op.act.answer_on_spot',
  assign: 'op.act.assign',
  convert: 'op.act.convert',
  sign: 'op.act.sign',
  request_return: 'op.act.request_return',
  approve_return: 'op.act.approve_return',
  refuse_return: 'op.act.refuse_return',
  request_extension: 'op.act.request_extension',
  approve_extension: 'op.act.approve_extension',
  refuse_extension: 'op.act.refuse_extension',
  reply: 'op.act.reply',
  rate: 'op.act.rate',
  publish: 'op.act.publish',
};

const ACTION_HINT: Partial<Record<UserAction, StringKey>> = {
  accept: 'op.hint.accept',
  reject: 'op.hint.reject',
  merge: 'op.hint.merge',
  answer_on_spot: 'op.hint.answer_on_spot',
  assign: 'op.hint.assign',
  convert: 'op.hint.convert',
  sign: 'op.hint.sign',
  request_return: 'op.hint.request_return',
  approve_return: 'op.hint.approve_return',
  request_extension: 'op.hint.request_extension',
  reply: 'op.hint.reply',
  rate: 'op.hint.rate',
  publish: 'op.hint.publish',
};

/** Actions that undo or refuse something: their button is red. */
export const DANGER_ACTIONS: readonly UserAction[] = ['reject', 'refuse_return', 'refuse_extension'];

type Values = Record<string, unknown>;

/** Trimmed strings; empty optional text left out (the server refuses empty strings where it wants none). */
function clean(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string') {
      const s = v.trim();
      if (s) out[k] = s;
    } else if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

export function ActionModal({
  item,
  action,
  onClose,
  onDone,
  onConflict,
  knownNames,
}: {
  item: OpinionView;
  action: UserAction | null;
  onClose: () => void;
  onDone: (updated: OpinionView | undefined) => void;
  /** Someone else acted first: reload. */
  onConflict: () => void;
  /** Names to blank out when publishing (the revealed submitter's, if looked up). */
  knownNames: readonly string[];
}) {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    if (!action) return;
    setSaving(true);
    try {
      const body = { ...clean(values), version: item.version } as ActionBody<typeof action>;
      const updated = await actOnOpinion(item.id, action, body);
      void message.success(t('op.actDone', { action: t(ACTION_LABEL[action]) }));
      onDone(updated && typeof updated === 'object' && 'id' in updated ? updated : undefined);
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        onClose();
        modal.warning({
          title: t('op.conflictTitle'),
          content: (
            <>
              <p style={{ margin: 0 }}>{problemText(err, lang)}</p>
              <p style={{ margin: '8px 0 0', color: 'rgba(0,0,0,0.55)' }}>{t('op.conflictText')}</p>
            </>
          ),
          okText: t('common.confirm'),
        });
        onConflict();
      } else report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const hint = action ? ACTION_HINT[action] : undefined;
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(ACTION_LABEL[action])} · ${item.trackingCode}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(ACTION_LABEL[action]) : undefined}
      okButtonProps={{ danger: action ? DANGER_ACTIONS.includes(action) : false, loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={action === 'publish' || action === 'reply' ? 720 : 560}
    >
      {action && (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          {hint && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t(hint)}
            </Typography.Paragraph>
          )}
          <ActionFields action={action} item={item} form={form} knownNames={knownNames} />
        </Form>
      )}
    </Modal>
  );
}

function Note({
  name = 'note',
  label,
  required,
  max = 1000,
  rows = 3,
}: {
  name?: string;
  label: string;
  required?: boolean;
  max?: number;
  rows?: number;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={
        required ? [{ required: true, whitespace: true, message: t('v.required', { field: label }) }] : []
      }
    >
      <Input.TextArea rows={rows} maxLength={max} showCount />
    </Form.Item>
  );
}

function ActionFields({
  action,
  item,
  form,
  knownNames,
}: {
  action: UserAction;
  item: OpinionView;
  form: ReturnType<typeof Form.useForm<Values>>[0];
  knownNames: readonly string[];
}) {
  const { t, lang } = useI18n();
  const results = optionsOf(REPLY_RESULT_LABELS, lang);
  switch (action) {
    case 'accept':
      return (
        <>
          <Form.Item
            name="categoryCode"
            label={t('op.category')}
            initialValue={item.categoryCode ?? undefined}
          >
            <CategorySelect />
          </Form.Item>
          <Note label={t('op.field.note')} />
        </>
      );
    case 'reject':
      return <RejectFields />;
    case 'merge':
      return (
        <>
          <Form.Item
            name="targetId"
            label={t('op.merge.target')}
            rules={[{ required: true, message: t('v.choose', { field: t('op.merge.target') }) }]}
          >
            <MergeTargetSelect selfId={item.id} />
          </Form.Item>
          <Note label={t('op.field.note')} />
        </>
      );
    case 'answer_on_spot':
      return (
        <>
          <Form.Item
            name="result"
            label={t('op.field.result')}
            rules={[{ required: true, message: t('v.choose', { field: t('op.field.result') }) }]}
          >
            <Radio.Group optionType="button" options={results} />
          </Form.Item>
          <Note name="content" label={t('op.field.answer')} required max={2000} rows={5} />
        </>
      );
    case 'assign':
      return <AssignFields item={item} form={form} />;
    case 'convert':
      return (
        <>
          <Form.Item name="ref" label={t('op.field.suggestionRef')} rules={[{ max: 100 }]}>
            <Input maxLength={100} placeholder={t('op.field.suggestionRefPh')} />
          </Form.Item>
          <Note label={t('op.field.note')} />
        </>
      );
    case 'sign':
    case 'approve_return':
      return <Note label={t('op.field.note')} />;
    case 'request_return':
      return <Note name="reason" label={t('op.field.returnReason')} required max={500} />;
    case 'refuse_return':
      return <Note label={t('op.field.refuseReturn')} required max={500} />;
    case 'request_extension':
      return (
        <>
          <Form.Item
            name="workingDays"
            label={t('op.field.workingDays')}
            rules={[{ required: true, message: t('v.required', { field: t('op.field.workingDays') }) }]}
            initialValue={5}
          >
            <InputNumber min={1} max={250} style={{ width: 160 }} suffix={t('op.workingDaysUnit')} />
          </Form.Item>
          <NewDuePreview item={item} />
          <Note name="reason" label={t('op.field.extensionReason')} required max={500} />
        </>
      );
    case 'approve_extension': {
      const pending = [...item.extensions].reverse().find((e) => e.decidedAt === null);
      return (
        <>
          {pending && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('op.ext.requested', { n: pending.workingDays })}
              description={pending.reason}
            />
          )}
          <Form.Item
            name="workingDays"
            label={t('op.field.approvedDays')}
            initialValue={pending?.workingDays}
            extra={t('op.field.approvedDaysHint')}
          >
            <InputNumber min={1} max={250} style={{ width: 160 }} suffix={t('op.workingDaysUnit')} />
          </Form.Item>
          <NewDuePreview item={item} />
          <Note label={t('op.field.note')} />
        </>
      );
    }
    case 'refuse_extension':
      return <Note label={t('op.field.refuseExtension')} required max={500} />;
    case 'reply':
      return (
        <>
          <Form.Item
            name="result"
            label={t('op.field.result')}
            rules={[{ required: true, message: t('v.choose', { field: t('op.field.result') }) }]}
          >
            <Radio.Group optionType="button" options={results} />
          </Form.Item>
          <Note name="content" label={t('op.field.replyContent')} required max={4000} rows={6} />
          <Form.Item
            name="contactNote"
            label={t('op.field.contactNote')}
            extra={t('op.field.contactNoteHint')}
            rules={[{ max: 500 }]}
          >
            <Input maxLength={500} placeholder={t('op.field.contactNotePh')} />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item
            name="rating"
            label={t('op.rating')}
            rules={[{ required: true, message: t('v.choose', { field: t('op.rating') }) }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(RATING_LABELS, lang)} />
          </Form.Item>
          <Note name="comment" label={t('op.field.ratingComment')} />
        </>
      );
    case 'publish':
      return <PublishFields item={item} knownNames={knownNames} />;
  }
}

function RejectFields() {
  const { t, label } = useI18n();
  const reason = Form.useWatch<RejectionReason | undefined>('reason');
  return (
    <>
      <Form.Item
        name="reason"
        label={t('op.field.rejectReason')}
        rules={[{ required: true, message: t('v.choose', { field: t('op.field.rejectReason') }) }]}
      >
        <Select
          options={REJECTION_REASONS.map((r) => ({ value: r, label: label(REJECTION_REASON_LABELS[r]) }))}
        />
      </Form.Item>
      {reason && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('op.reject.citizenReads')}
          description={label(REJECTION_REASON_LABELS[reason].guidance)}
        />
      )}
      <Note label={t('op.field.rejectNote')} max={500} />
    </>
  );
}

const OPEN_STATES = OPINION_STATES.filter((s) => !FINAL_STATES.includes(s));

/** Find the open item to merge into, by tracking code or words of its text. */
function MergeTargetSelect({
  value,
  onChange,
  selfId,
  id,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  selfId: number;
  id?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ['opinions', 'merge-targets', q],
    queryFn: () => listOpinions({ view: 'all', q: q || undefined, status: OPEN_STATES, pageSize: 15 }),
    staleTime: 15_000,
  });
  const options = (found.data?.items ?? [])
    .filter((o) => o.id !== selfId)
    .map((o) => ({
      value: o.id,
      label: `${o.trackingCode} ${o.excerpt.slice(0, 24)}`,
      render: (
        <div style={{ lineHeight: 1.4, padding: '2px 0' }}>
          <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{o.trackingCode}</span>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.station?.name ?? o.jurisdiction.name}
          </Typography.Text>
          <div style={{ fontSize: 12, whiteSpace: 'normal' }}>{o.excerpt}</div>
        </div>
      ),
    }));
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      placeholder={t('op.merge.search')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      options={options}
      optionRender={(o) => o.data.render}
      notFoundContent={found.isFetching ? t('common.loading') : t('picker.noMatch')}
    />
  );
}

/** 交办: the routing suggestion (category guessed from the text, with the words that drove it, and the units that handle it there). */
function AssignFields({
  item,
  form,
}: {
  item: OpinionView;
  form: ReturnType<typeof Form.useForm<Values>>[0];
}) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const routing = useQuery({
    queryKey: ['opinions', 'routing', item.id],
    queryFn: () => getRouting(item.id),
    staleTime: 60_000,
    retry: false,
  });
  const unitId = Form.useWatch<number | undefined>('unitId', form);
  const suggestion = routing.data;

  useEffect(() => {
    if (!suggestion) return;
    if (!form.isFieldTouched('categoryCode') && !form.getFieldValue('categoryCode') && suggestion.category)
      form.setFieldValue('categoryCode', suggestion.category.code);
    if (!form.isFieldTouched('unitId') && !form.getFieldValue('unitId') && suggestion.units[0])
      form.setFieldValue('unitId', suggestion.units[0].id);
  }, [suggestion, form]);

  return (
    <>
      {suggestion?.category && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('op.assign.guess', {
            category: categoryName(suggestion.category.code),
            confidence: formatRate(suggestion.category.confidence),
          })}
          description={
            suggestion.category.words.length > 0 && (
              <Space size={[4, 4]} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('op.assign.words')}
                </Typography.Text>
                {suggestion.category.words.map((w) => (
                  <Tag key={w} color="blue" style={{ marginInlineEnd: 0 }}>
                    {w}
                  </Tag>
                ))}
              </Space>
            )
          }
        />
      )}
      {routing.isError && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('op.assign.noRouting')} />
      )}
      <Form.Item name="categoryCode" label={t('op.category')} initialValue={item.categoryCode ?? undefined}>
        <CategorySelect />
      </Form.Item>
      <Form.Item label={t('op.assign.suggested')}>
        <UnitSuggestions
          units={suggestion?.units ?? []}
          value={unitId}
          loading={routing.isPending}
          onPick={(id) => form.setFieldValue('unitId', id)}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('op.unit')}
        rules={[{ required: true, message: t('v.choose', { field: t('op.unit') }) }]}
      >
        <UnitPicker />
      </Form.Item>
      <Note label={t('op.assign.note')} />
    </>
  );
}

/** The reply deadline after the extension, counted on the working-day calendar. */
function NewDuePreview({ item }: { item: OpinionView }) {
  const { t, label } = useI18n();
  const days = Form.useWatch<number | undefined>('workingDays');
  const n = useDebounced(days, 300);
  const from = item.deadlines.replyDue ?? '';
  const due = useQuery({
    queryKey: ['calendar', 'deadline', from, n],
    queryFn: () => getDeadline(from, n!),
    enabled: !!from && !!n && n > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!from) return null;
  return (
    <div style={{ margin: '-8px 0 16px', fontSize: 13 }}>
      <Typography.Text type="secondary">
        {t('op.ext.currentDue', { date: formatBeijingDate(from) })}
        {' → '}
      </Typography.Text>
      {due.data ? (
        <Typography.Text strong>
          {t('op.ext.newDue', { date: due.data.dueDate })}
          {due.data.provisional && (
            <Tag color="warning" style={{ marginInlineStart: 6 }}>
              {t('op.provisional')}
            </Tag>
          )}
        </Typography.Text>
      ) : due.isError ? (
        <Typography.Text type="secondary">{t('op.ext.dueUnknown')}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{n ? t('common.loading') : '—'}</Typography.Text>
      )}
      {due.data?.provisional && (
        <div>
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {due.data.notice
              ? label(due.data.notice)
              : t('op.ext.provisionalNote', { years: due.data.unknownYears.join('、') })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** 公开: the texts as the public will read them, prefilled redacted; the staff member edits before publishing. */
function PublishFields({ item, knownNames }: { item: OpinionView; knownNames: readonly string[] }) {
  const { t } = useI18n();
  const lastReply = useMemo(
    () => [...item.replies].sort((a, b) => a.round - b.round || a.at.localeCompare(b.at)).at(-1),
    [item.replies],
  );
  const names = [...knownNames, item.submitterName, lastReply?.replierName];
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('op.publish.check')} />
      <Form.Item
        name="content"
        label={t('op.publish.content')}
        initialValue={redact(item.content, names)}
        rules={[
          { required: true, whitespace: true, message: t('v.required', { field: t('op.publish.content') }) },
        ]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="reply"
        label={t('op.publish.reply')}
        initialValue={redact(lastReply?.content ?? '', names)}
        rules={[
          { required: true, whitespace: true, message: t('v.required', { field: t('op.publish.reply') }) },
        ]}
      >
        <Input.TextArea rows={6} maxLength={4000} showCount />
      </Form.Item>
    </>
  );
}
