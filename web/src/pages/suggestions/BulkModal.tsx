/**
 * 批量立案 / 批量交办 after a session, when hundreds of cases come in at once: one request, each
 * case in its own transaction; the result tells which failed and why. 重点督办 is set on the
 * assigned cases afterwards (one call each), with the leader who supervises them.
 */
import { useState } from 'react';
import { Alert, Button, Form, Modal, Result, Table, Typography } from 'antd';
import { bulkSuggestions, flagKey } from '../../api/suggestions.ts';
import type { SuggestionBulkResult, SuggestionListItem } from '../../api/types.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AssignFields, Note } from './SuggestionActionModal.tsx';

interface Values {
  leadUnitId?: number;
  coUnitIds?: number[];
  keySupervision?: boolean;
  supervisorUserId?: number | null;
  note?: string;
}

export function BulkModal({
  action,
  rows,
  onClose,
  onDone,
}: {
  action: 'register' | 'assign' | null;
  rows: SuggestionListItem[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<SuggestionBulkResult | null>(null);
  const [keyFailed, setKeyFailed] = useState(0);
  const [saving, setSaving] = useState(false);
  const byId = new Map(rows.map((r) => [r.id, r]));

  const close = () => {
    if (result) onDone();
    setResult(null);
    setKeyFailed(0);
    form.resetFields();
    onClose();
  };

  const submit = async (v: Values) => {
    if (!action) return;
    setSaving(true);
    try {
      const r = await bulkSuggestions({
        ids: rows.map((x) => x.id),
        action,
        ...(action === 'assign'
          ? {
              leadUnitId: v.leadUnitId,
              ...(v.coUnitIds && v.coUnitIds.length > 0 ? { coUnitIds: v.coUnitIds } : {}),
            }
          : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      if (action === 'assign' && v.keySupervision && r.done.length > 0) {
        const flagged = await Promise.allSettled(
          r.done.map((id) =>
            flagKey(id, { keySupervision: true, supervisorUserId: v.supervisorUserId ?? null }),
          ),
        );
        setKeyFailed(flagged.filter((f) => f.status === 'rejected').length);
      }
      setResult(r);
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const title =
    action === 'assign'
      ? t('sug.bulk.assignTitle', { n: rows.length })
      : t('sug.bulk.registerTitle', { n: rows.length });

  return (
    <Modal
      open={action !== null}
      title={title}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      width={action === 'assign' ? 720 : 560}
      footer={
        result ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {action === 'assign'
                ? t('sug.bulk.assignSubmit', { n: rows.length })
                : t('sug.bulk.registerSubmit', { n: rows.length })}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <>
          <Result
            status={result.failed.length === 0 ? 'success' : result.done.length === 0 ? 'error' : 'warning'}
            title={t('sug.bulk.result', { done: result.done.length, failed: result.failed.length })}
            style={{ padding: '16px 0' }}
          />
          {keyFailed > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('sug.bulk.keyFailed', { n: keyFailed })}
            />
          )}
          {result.failed.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ y: 240 }}
              dataSource={result.failed}
              columns={[
                {
                  title: t('sug.title'),
                  key: 'title',
                  render: (_: unknown, f) => byId.get(f.id)?.title ?? `#${f.id}`,
                },
                { title: t('sug.bulk.why'), dataIndex: 'message' },
              ]}
            />
          )}
        </>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {action === 'assign' ? t('sug.bulk.assignHint') : t('sug.bulk.registerHint')}
          </Typography.Paragraph>
          <div className="bulk-list">
            {rows.slice(0, 50).map((r) => (
              <div key={r.id} className="bulk-row">
                <span className="case-no">{r.caseLabel ?? `#${r.id}`}</span>
                <span
                  style={{
                    flex: 1,
                    minWidth: 0,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                >
                  {r.title}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.lead.name}
                </Typography.Text>
              </div>
            ))}
            {rows.length > 50 && (
              <Typography.Text type="secondary">
                {t('sug.bulk.andMore', { n: rows.length - 50 })}
              </Typography.Text>
            )}
          </div>
          {action === 'assign' ? <AssignFields bulk /> : <Note label={t('sug.field.note')} />}
        </Form>
      )}
    </Modal>
  );
}
