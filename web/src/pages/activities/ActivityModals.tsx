/**
 * The small forms of an activity: a reason (asking for leave, cancelling, deleting), a leave
 * decision with its note, hand-recorded attendance (补登, always with the reason), inviting more
 * representatives. Each calls the server and hands back the activity as it now is.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ActivityDetail, ActivityParticipant } from '../../api/types.ts';
import { isApiError } from '../../api/client.ts';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** One text, required or not, and a submit that may fail (the modal stays open with the error). */
export function ReasonModal({
  open,
  title,
  intro,
  fieldLabel,
  placeholder,
  okText,
  danger,
  optional,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: ReactNode;
  intro?: ReactNode;
  fieldLabel: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  optional?: boolean;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const ok = async () => {
    const { text } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit((text ?? '').trim());
      onClose();
    } catch (err) {
      report(err, { form, aliases: { '/reason': ['text'], '/note': ['text'] } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro && <div style={{ marginBottom: 12 }}>{intro}</div>}
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={fieldLabel}
          rules={[
            ...(optional
              ? []
              : [{ required: true, whitespace: true, message: t('v.required', { field: fieldLabel }) }]),
            { max: 500, message: t('v.max', { n: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={placeholder} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 准假 / 不准: the representative's reason shown, a note for them (optional). */
export function LeaveDecisionModal({
  participant,
  approve,
  onSubmit,
  onClose,
}: {
  participant: ActivityParticipant | null;
  approve: boolean;
  onSubmit: (note: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <ReasonModal
      open={participant !== null}
      title={
        approve
          ? t('act.leave.approveTitle', { name: participant?.representative.name ?? '' })
          : t('act.leave.refuseTitle', { name: participant?.representative.name ?? '' })
      }
      intro={
        <div className="record-block">
          <Typography.Text type="secondary">{t('act.leave.reason')}：</Typography.Text>
          <span className="user-text">{participant?.leaveReason || '—'}</span>
        </div>
      }
      fieldLabel={t('act.leave.note')}
      placeholder={approve ? t('act.leave.notePlaceholderApprove') : t('act.leave.notePlaceholderRefuse')}
      okText={approve ? t('act.leave.approve') : t('act.leave.refuse')}
      danger={!approve}
      optional={approve}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}

/** 补登出勤: present or absent, and why it is recorded by hand. */
export function AttendanceModal({
  participant,
  onSubmit,
  onClose,
}: {
  participant: ActivityParticipant | null;
  onSubmit: (attendance: 'present' | 'absent', reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm<{ attendance: 'present' | 'absent'; reason: string }>();
  const [busy, setBusy] = useState(false);
  const open = participant !== null;
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        attendance: participant?.attendance === 'present' ? 'absent' : 'present',
        reason: '',
      });
  }, [open, participant, form]);
  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(v.attendance, v.reason.trim());
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
      title={t('act.att.recordTitle', { name: participant?.representative.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="attendance" label={t('act.att.title')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'present', label: t('act.att.present') },
              { value: 'absent', label: t('act.att.absent') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('act.att.reason')}
          extra={t('act.att.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('act.att.reason') }) },
            { max: 500, message: t('v.max', { n: 500 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('act.att.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {participant?.status === 'leave_approved' && (
        <Alert type="info" showIcon title={t('act.att.onLeaveNote')} />
      )}
    </Modal>
  );
}

/** 邀请代表: more participants or hosts; those already listed are not offered. */
export function InviteModal({
  open,
  activity,
  onSubmit,
  onClose,
}: {
  open: boolean;
  activity: ActivityDetail;
  onSubmit: (ids: number[], role: 'participant' | 'host') => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const report = useReportError();
  const [ids, setIds] = useState<number[]>([]);
  const [role, setRole] = useState<'participant' | 'host'>('participant');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setIds([]);
      setRole('participant');
    }
  }, [open]);
  const ok = async () => {
    if (ids.length === 0) return;
    setBusy(true);
    try {
      await onSubmit(ids, role);
      onClose();
    } catch (err) {
      report(err);
      if (isApiError(err) && err.code === 'CONFLICT') onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('act.invite.title')}
      okText={t('act.invite.ok', { n: ids.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: ids.length === 0 }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('act.invite.text')}</Typography.Paragraph>
      <div style={{ display: 'grid', gap: 12 }}>
        <RepresentativePicker
          multiple
          activeOnly
          value={ids}
          onChange={setIds}
          exclude={activity.participants.map((p) => p.representative.id)}
        />
        <Select<'participant' | 'host'>
          value={role}
          onChange={setRole}
          options={[
            { value: 'participant', label: t('act.role.participant') },
            { value: 'host', label: t('act.role.host') },
          ]}
          aria-label={t('act.invite.role')}
        />
      </div>
    </Modal>
  );
}
