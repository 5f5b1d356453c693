/**
 * 转为代表建议: a citizen's opinion becomes the draft of a representative's suggestion (the opinion
 * moves to CONVERTED and links to it). A representative chooses among the congresses they serve
 * on; congress staff choose the congress and the representative who will lead it.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { draftFromOpinion, myCongresses } from '../../api/suggestions.ts';
import { keys } from '../../api/keys.ts';
import type { OpinionView } from '../../api/types.ts';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { CongressSelect } from '../../components/congresses.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';

interface Values {
  congressId?: number;
  leadRepresentativeId?: number;
  title?: string;
}

export function ConvertToSuggestionModal({
  opinion,
  open,
  onClose,
  onConverted,
}: {
  opinion: OpinionView;
  open: boolean;
  onClose: () => void;
  /** Staff stay on the opinion: reload it. */
  onConverted: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const asRepresentative = !!user?.representativeId;
  const mine = useQuery({
    queryKey: ['suggestions', 'my-congresses'],
    queryFn: myCongresses,
    enabled: open && asRepresentative,
    staleTime: 10 * 60_000,
  });
  const congressId = Form.useWatch('congressId', form);

  useEffect(() => {
    if (open && mine.data?.length === 1 && !form.getFieldValue('congressId'))
      form.setFieldValue('congressId', mine.data[0]!.id);
  }, [open, mine.data, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const created = await draftFromOpinion({
        opinionId: opinion.id,
        congressId: v.congressId!,
        ...(v.leadRepresentativeId ? { leadRepresentativeId: v.leadRepresentativeId } : {}),
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
      });
      void qc.invalidateQueries({ queryKey: keys.opinions });
      void qc.invalidateQueries({ queryKey: keys.suggestions });
      onClose();
      // A draft is its lead's until submitted: the representative goes on writing it; staff, who
      // created it, may follow it (read only) on its page.
      if (asRepresentative) {
        void message.success(t('sug.convert.done'));
        void navigate(`/suggestions/${created.id}/edit`);
      } else {
        void message.success(t('sug.convert.doneStaff', { name: created.lead.name }));
        onConverted();
        void navigate(`/suggestions/${created.id}`);
      }
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`${t('op.act.convert')} · ${opinion.trackingCode}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sug.convert.ok')}
      okButtonProps={{ loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {asRepresentative ? t('sug.convert.hintRep') : t('sug.convert.hintStaff')}
        </Typography.Paragraph>
        <Form.Item
          name="congressId"
          label={t('sug.congress')}
          rules={[{ required: true, message: t('v.choose', { field: t('sug.congress') }) }]}
        >
          {asRepresentative ? (
            <Select
              loading={mine.isPending}
              placeholder={t('sug.editor.chooseCongress')}
              options={(mine.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              notFoundContent={t('sug.editor.noCongress')}
            />
          ) : (
            <CongressSelect />
          )}
        </Form.Item>
        {!asRepresentative && (
          <Form.Item
            name="leadRepresentativeId"
            label={t('sug.leadRepresentative')}
            initialValue={opinion.representative?.id}
            extra={t('sug.convert.leadHint')}
            rules={[{ required: true, message: t('v.choose', { field: t('sug.leadRepresentative') }) }]}
          >
            <RepresentativePicker congressId={congressId} activeOnly />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('sug.title')}
          extra={t('sug.convert.titleHint')}
          rules={[{ pattern: /^[^<>]*$/, message: t('v.plain') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {!asRepresentative && <Alert type="info" showIcon title={t('sug.convert.staffNote')} />}
      </Form>
    </Modal>
  );
}
