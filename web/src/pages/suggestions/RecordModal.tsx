/**
 * The records beside the state machine, each as a small form: a contact with the representative
 * (沟通联系), a co-unit's opinion, an amendment or a correction of a reply, progress on a class-B
 * commitment, and 重点督办 on or off. Which ones are offered comes from the case's `records`.
 */
import { useState } from 'react';
import {
  App,
  Alert,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
} from 'antd';
import dayjs from 'dayjs';
import {
  CONTACT_MEANS_LABELS,
  REPLY_CLASS_LABELS,
  REPLY_CLASSES,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import { isApiError } from '../../api/client.ts';
import {
  amendReply,
  correctReply,
  flagKey,
  logContact,
  reportProgress,
  sendCoOpinion,
} from '../../api/suggestions.ts';
import type {
  ContactBody,
  SuggestionCommitment,
  SuggestionDetail,
  SuggestionReply,
} from '../../api/types.ts';
import { AccountPicker } from '../../components/AccountPicker.tsx';
import { problemText, useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { Note } from './SuggestionActionModal.tsx';

export type RecordForm =
  | { kind: 'contact' }
  | { kind: 'co_opinion' }
  | { kind: 'amend_reply'; reply: SuggestionReply }
  | { kind: 'correct_reply'; reply: SuggestionReply }
  | { kind: 'commitment_progress'; commitment: SuggestionCommitment }
  | { kind: 'flag_key' };

const TITLE: Record<RecordForm['kind'], StringKey> = {
  contact: 'sug.rec.contact',
  co_opinion: 'sug.rec.co_opinion',
  amend_reply: 'sug.rec.amend_reply',
  correct_reply: 'sug.rec.correct_reply',
  commitment_progress: 'sug.rec.commitment_progress',
  flag_key: 'sug.rec.flag_key',
};

type Values = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const optional = (v: unknown) => text(v) || undefined;

export function RecordModal({
  item,
  form: which,
  onClose,
  onDone,
  onConflict,
}: {
  item: SuggestionDetail;
  form: RecordForm | null;
  onClose: () => void;
  /** The case as it is now (the records that return it), or nothing (progress returns only ok). */
  onDone: (updated?: SuggestionDetail) => void;
  onConflict: () => Promise<unknown>;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const save = async (v: Values): Promise<SuggestionDetail | undefined> => {
    switch (which!.kind) {
      case 'contact':
        return logContact(item.id, {
          contactedOn: (v.contactedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
          means: v.means as ContactBody['means'],
          summary: text(v.summary),
        });
      case 'co_opinion':
        return sendCoOpinion(item.id, text(v.opinion));
      case 'amend_reply':
        return amendReply(item.id, which!.reply.id, {
          body: text(v.body),
          documentNumber: optional(v.documentNumber),
          signer: optional(v.signer),
        });
      case 'correct_reply':
        return correctReply(item.id, {
          replyId: which!.reply.id,
          replyClass: v.replyClass as SuggestionReply['replyClass'] | undefined,
          documentNumber: text(v.documentNumber),
          signer: text(v.signer),
          body: text(v.body),
        });
      case 'commitment_progress':
        await reportProgress(which!.commitment.id, {
          note: text(v.note),
          year: typeof v.year === 'number' ? v.year : undefined,
          done: v.done === true ? true : undefined,
        });
        return undefined;
      case 'flag_key':
        return flagKey(item.id, {
          keySupervision: v.keySupervision === true,
          supervisorUserId:
            v.keySupervision === true ? ((v.supervisorUserId as number | null) ?? null) : null,
        });
    }
  };

  const submit = async (v: Values) => {
    if (!which) return;
    setSaving(true);
    try {
      const updated = await save(v);
      void message.success(t('sug.recordSaved'));
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

  const close = () => {
    setNotice(null);
    onClose();
  };

  return (
    <Modal
      open={which !== null}
      title={which ? t(TITLE[which.kind]) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      maskClosable={false}
      width={which?.kind === 'amend_reply' || which?.kind === 'correct_reply' ? 720 : 560}
    >
      {which && (
        <Form<Values> form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
          {notice && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={notice} />}
          <Fields which={which} item={item} />
        </Form>
      )}
    </Modal>
  );
}

function Fields({ which, item }: { which: RecordForm; item: SuggestionDetail }) {
  const { t, lang } = useI18n();
  switch (which.kind) {
    case 'contact':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sug.contactHint')} />
          <div className="form-row-2">
            <Form.Item
              name="contactedOn"
              label={t('sug.field.contactedOn')}
              initialValue={dayjs()}
              rules={[{ required: true, message: t('v.choose', { field: t('sug.field.contactedOn') }) }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="means"
              label={t('sug.field.means')}
              rules={[{ required: true, message: t('v.choose', { field: t('sug.field.means') }) }]}
            >
              <Select options={optionsOf(CONTACT_MEANS_LABELS, lang)} />
            </Form.Item>
          </div>
          <Note name="summary" label={t('sug.field.contactSummary')} required max={4000} rows={5} />
        </>
      );
    case 'co_opinion':
      return <Note name="opinion" label={t('sug.field.coOpinion')} required max={10000} rows={7} />;
    case 'amend_reply':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sug.amendHint')} />
          <div className="form-row-2">
            <Form.Item
              name="documentNumber"
              label={t('sug.field.documentNumber')}
              initialValue={which.reply.documentNumber}
            >
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="signer" label={t('sug.field.signer')} initialValue={which.reply.signer}>
              <Input maxLength={50} />
            </Form.Item>
          </div>
          <Note
            name="body"
            label={t('sug.field.replyBody')}
            required
            max={20000}
            rows={8}
            initialValue={which.reply.body}
          />
        </>
      );
    case 'correct_reply':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sug.correctHint')} />
          <Form.Item
            name="replyClass"
            label={t('sug.field.correctClass')}
            extra={t('sug.field.correctClassHint')}
          >
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={optionsOf(REPLY_CLASS_LABELS, lang, REPLY_CLASSES)}
            />
          </Form.Item>
          <div className="form-row-2">
            <Form.Item
              name="documentNumber"
              label={t('sug.field.correctionNumber')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('v.required', { field: t('sug.field.correctionNumber') }),
                },
              ]}
            >
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item
              name="signer"
              label={t('sug.field.signer')}
              initialValue={which.reply.signer}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('v.required', { field: t('sug.field.signer') }),
                },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </div>
          <Note name="body" label={t('sug.field.correctionBody')} required max={20000} rows={6} />
        </>
      );
    case 'commitment_progress':
      return (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={which.commitment.content}
            description={
              which.commitment.dueDate
                ? t('sug.commitmentDue', { date: which.commitment.dueDate })
                : undefined
            }
          />
          <Form.Item name="year" label={t('sug.field.progressYear')} initialValue={dayjs().year()}>
            <InputNumber min={2000} max={2100} style={{ width: 140 }} />
          </Form.Item>
          <Note name="note" label={t('sug.field.progressNote')} required max={4000} rows={5} />
          <Form.Item name="done" valuePropName="checked" initialValue={false}>
            <Checkbox>{t('sug.field.progressDone')}</Checkbox>
          </Form.Item>
        </>
      );
    case 'flag_key':
      return <KeyFields item={item} />;
  }
}

function KeyFields({ item }: { item: SuggestionDetail }) {
  const { t } = useI18n();
  const on = Form.useWatch<boolean | undefined>('keySupervision');
  return (
    <>
      <Form.Item
        name="keySupervision"
        label={t('sug.key')}
        valuePropName="checked"
        initialValue={item.keySupervision}
      >
        <Switch />
      </Form.Item>
      {on && (
        <Form.Item
          name="supervisorUserId"
          label={t('sug.field.supervisor')}
          initialValue={item.supervisor?.id ?? null}
        >
          <AccountPicker
            role="leader"
            placeholder={t('sug.field.supervisorPh')}
            current={item.supervisor ? { id: item.supervisor.id, displayName: item.supervisor.name } : null}
          />
        </Form.Item>
      )}
    </>
  );
}
