/**
 * The draft of a suggestion or motion (/suggestions/new, /suggestions/:id/edit). A representative
 * writes it at leisure, on a phone as well: every change is saved as they type (PATCH with the
 * version; a 409 stops saving and says so), co-signers are invited and answer (附议), and it is
 * submitted when the server offers `submit` — with the reasons shown while it does not.
 *
 * Congress staff filing a paper suggestion on a representative's behalf use the same form without
 * autosave: they name the lead and file it as handed in (submitNow).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Grid,
  Input,
  InputNumber,
  Progress,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  CheckCircleOutlined,
  CloseOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  SendOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PERIOD_LABELS,
  SIGNER_STATUS_LABELS,
  SUGGESTION_KIND_LABELS,
  type Period,
  type SignerStatus,
  type SuggestionKind,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import {
  actOnSuggestion,
  createDraft,
  getSuggestion,
  inviteCosigners,
  myCongresses,
  removeCosigner,
  updateDraft,
} from '../../api/suggestions.ts';
import { isApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { SuggestionDetail, UpdateDraftBody } from '../../api/types.ts';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { CategorySelect, CongressSelect, useCongresses } from '../../components/congresses.tsx';
import { QueryError, applyFieldErrors, problemText, useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useAutosave, type SaveState } from './useAutosave.ts';

interface Values {
  kind: SuggestionKind;
  congressId?: number;
  period: Period;
  sessionNumber?: number | null;
  title?: string;
  categoryCode?: string | null;
  background?: string;
  proposals?: string;
  basis?: string | null;
  leadRepresentativeId?: number;
}

type Patch = Omit<UpdateDraftBody, 'version'>;

const TEXT_FIELDS = ['title', 'background', 'proposals', 'basis'] as const;

/**
 * The co-signers a motion needs, before the draft exists (then the server's figure is used): 10 at
 * county level and above, 5 below (the configuration's defaults).
 */
export function minMotionCosigners(level: string | undefined): number {
  return level === 'township' || level === 'street' ? 5 : 10;
}

function valuesOf(d: SuggestionDetail): Values {
  return {
    kind: d.kind,
    congressId: d.congress.id,
    period: d.period,
    sessionNumber: d.sessionNumber,
    title: d.title,
    categoryCode: d.categoryCode,
    background: d.background,
    proposals: d.proposals,
    basis: d.basis,
  };
}

/** The form's values as the API takes them (empty text as '', no category as null). */
function patchOf(changed: Partial<Values>): Patch {
  const out: Patch = {};
  if (changed.kind !== undefined) out.kind = changed.kind;
  if (changed.period !== undefined) {
    out.period = changed.period;
    if (changed.period === 'recess') out.sessionNumber = null;
  }
  if ('sessionNumber' in changed) out.sessionNumber = changed.sessionNumber ?? null;
  if ('categoryCode' in changed) out.categoryCode = changed.categoryCode ?? null;
  for (const k of TEXT_FIELDS) {
    if (!(k in changed)) continue;
    const v = changed[k] ?? '';
    if (k === 'basis') out.basis = v === '' ? null : v;
    else out[k] = v;
  }
  return out;
}

export function DraftEditorPage() {
  const params = useParams();
  const routeId = params.id ? Number(params.id) : null;
  const { user } = useSession();
  const existing = useQuery({
    queryKey: keys.suggestion(routeId ?? 0),
    queryFn: () => getSuggestion(routeId!),
    enabled: routeId !== null && Number.isInteger(routeId) && routeId > 0,
    staleTime: 0,
  });
  if (routeId !== null && existing.isPending) return <FullPageSpinner />;
  if (routeId !== null && (existing.isError || !existing.data))
    return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (existing.data && !existing.data.records.includes('edit_draft'))
    return <NotEditable d={existing.data} />;
  if (routeId === null && !user?.representativeId) return <PaperFiling />;
  return <RepresentativeEditor initial={existing.data ?? null} />;
}

function NotEditable({ d }: { d: SuggestionDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={t('sug.editor.notEditable')}
      subTitle={t('sug.editor.notEditableText')}
      extra={
        <Button type="primary" onClick={() => void navigate(`/suggestions/${d.id}`, { replace: true })}>
          {t('sug.openCase')}
        </Button>
      }
    />
  );
}

function SaveIndicator({ state, hasDraft }: { state: SaveState; hasDraft: boolean }) {
  const { t } = useI18n();
  // Beijing time, as every time in the console.
  const time = (d: Date) => formatDateTime(d.toISOString(), false).slice(11, 16);
  switch (state.kind) {
    case 'idle':
      return (
        <Typography.Text type="secondary" className="save-state">
          {hasDraft ? t('sug.editor.autosaveOn') : t('sug.editor.autosaveAfterCongress')}
        </Typography.Text>
      );
    case 'dirty':
      return (
        <Typography.Text type="secondary" className="save-state">
          {t('sug.editor.unsaved')}
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary" className="save-state">
          <LoadingOutlined /> {t('sug.editor.saving')}
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" className="save-state">
          <CheckCircleOutlined /> {t('sug.editor.savedAt', { time: time(state.at) })}
        </Typography.Text>
      );
    case 'conflict':
      return (
        <Typography.Text type="danger" className="save-state">
          <ExclamationCircleOutlined /> {t('sug.editor.conflictShort')}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger" className="save-state">
          <ExclamationCircleOutlined /> {t('sug.editor.saveFailed')}
        </Typography.Text>
      );
  }
}

function RepresentativeEditor({ initial }: { initial: SuggestionDetail | null }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [draft, setDraft] = useState<SuggestionDetail | null>(initial);
  const draftRef = useRef<SuggestionDetail | null>(initial);
  const [submitting, setSubmitting] = useState(false);

  const congresses = useQuery({
    queryKey: ['suggestions', 'my-congresses'],
    queryFn: myCongresses,
    staleTime: 10 * 60_000,
  });

  const keep = (d: SuggestionDetail) => {
    draftRef.current = d;
    setDraft(d);
    qc.setQueryData(keys.suggestion(d.id), d);
  };

  const autosave = useAutosave<Patch>({
    save: async (patch) => {
      const current = draftRef.current;
      if (!current) {
        const v = form.getFieldsValue(true) as Values;
        const created = await createDraft({
          kind: v.kind,
          congressId: v.congressId!,
          period: v.period,
          sessionNumber: v.period === 'session' ? (v.sessionNumber ?? null) : null,
          title: v.title ?? '',
          categoryCode: v.categoryCode ?? null,
          background: v.background ?? '',
          proposals: v.proposals ?? '',
          basis: v.basis || null,
        });
        keep(created);
        void qc.invalidateQueries({ queryKey: keys.suggestions, refetchType: 'none' });
        void navigate(`/suggestions/${created.id}/edit`, { replace: true, state: location.state });
        return;
      }
      try {
        keep(await updateDraft(current.id, { ...patch, version: current.version }));
      } catch (err) {
        if (isApiError(err) && err.status === 400) applyFieldErrors(form, err, lang);
        throw err;
      }
    },
  });

  // One congress to choose from: choose it.
  useEffect(() => {
    const list = congresses.data;
    if (!draft && list?.length === 1 && !form.getFieldValue('congressId'))
      form.setFieldValue('congressId', list[0]!.id);
  }, [congresses.data, draft, form]);

  const kind = Form.useWatch('kind', form) ?? draft?.kind ?? 'suggestion';
  const period = Form.useWatch('period', form) ?? draft?.period ?? 'recess';
  const congressId = Form.useWatch('congressId', form) ?? draft?.congress.id;
  const watched = Form.useWatch([], form) as Values | undefined;
  const level = congresses.data?.find((c) => c.id === congressId)?.level;
  const motion = kind === 'motion';
  const minCosigners = draft?.minCosigners ?? minMotionCosigners(level);

  const onValuesChange = (changed: Partial<Values>) => {
    if (!form.getFieldValue('congressId')) return;
    // A new draft is created once something is written, not by choosing the congress alone.
    if (!draftRef.current) {
      const v = form.getFieldsValue(true) as Values;
      if (!TEXT_FIELDS.some((k) => (v[k] ?? '').trim())) return;
    }
    autosave.change(patchOf(changed));
  };

  const reloadFromServer = async () => {
    const current = draftRef.current;
    if (!current) return;
    const fresh = await getSuggestion(current.id);
    keep(fresh);
    form.setFieldsValue(valuesOf(fresh));
    autosave.reset();
    if (!fresh.records.includes('edit_draft')) void navigate(`/suggestions/${fresh.id}`, { replace: true });
  };

  /** What still stands between the draft and its submission, as the representative can fix it. */
  const missing = useMemo(() => {
    const v = watched ?? ({} as Values);
    const out: string[] = [];
    if (!v.congressId) out.push(t('sug.congress'));
    if (!v.title?.trim()) out.push(t('sug.title'));
    if (!v.categoryCode) out.push(t('sug.category'));
    if (!v.background?.trim()) out.push(motion ? t('sug.backgroundMotion') : t('sug.background'));
    if (!v.proposals?.trim()) out.push(motion ? t('sug.proposalsMotion') : t('sug.proposals'));
    if (motion && !v.basis?.trim()) out.push(t('sug.basis'));
    return out;
  }, [watched, motion, t]);
  const accepted = draft?.signers.filter((s) => s.role === 'cosigner' && s.status === 'accepted').length ?? 0;
  const tooFew = motion && accepted < minCosigners;
  const canSubmit = !!draft?.actions.includes('submit');

  const submit = async () => {
    const ok = await autosave.flush();
    if (!ok) return;
    const current = draftRef.current;
    if (!current) return;
    modal.confirm({
      title: t('sug.editor.submitTitle'),
      content: t('sug.editor.submitText'),
      okText: t('sug.act.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSubmitting(true);
        try {
          const fresh = draftRef.current ?? current;
          const next = await actOnSuggestion(fresh.id, 'submit', { version: fresh.version });
          qc.setQueryData(keys.suggestion(next.id), next);
          void qc.invalidateQueries({ queryKey: keys.suggestions });
          void message.success(t('sug.editor.submitted'));
          void navigate(`/suggestions/${next.id}`, { replace: true });
        } catch (err) {
          if (isApiError(err) && err.code === 'CONFLICT') {
            modal.warning({ title: t('sug.conflictTitle'), content: problemText(err, lang) });
            await reloadFromServer();
          } else report(err);
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  const withdraw = () => {
    const current = draftRef.current;
    if (!current) return;
    modal.confirm({
      title: t('sug.editor.withdrawTitle'),
      content: t('sug.editor.withdrawText'),
      okText: t('sug.act.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await autosave.flush();
          const fresh = draftRef.current ?? current;
          await actOnSuggestion(fresh.id, 'withdraw', { version: fresh.version });
          void qc.invalidateQueries({ queryKey: keys.suggestions });
          void navigate('/suggestions/work?view=mine', { replace: true });
        } catch (err) {
          report(err);
        }
      },
    });
  };

  const plain = { pattern: /^[^<>]*$/, message: t('v.plain') };
  const initialValues: Values = draft
    ? valuesOf(draft)
    : { kind: 'suggestion', period: 'recess', title: '', background: '', proposals: '' };

  const fields = (
    <Card variant="borderless" style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        requiredMark={false}
      >
        <div className="form-row-2">
          <Form.Item name="kind" label={t('sug.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={optionsOf(SUGGESTION_KIND_LABELS, lang)}
            />
          </Form.Item>
          <Form.Item
            name="congressId"
            label={t('sug.congress')}
            extra={draft ? undefined : t('sug.editor.congressHint')}
          >
            {draft ? (
              <Typography.Text>{draft.congress.name}</Typography.Text>
            ) : (
              <Select
                loading={congresses.isPending}
                placeholder={t('sug.editor.chooseCongress')}
                options={(congresses.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                notFoundContent={t('sug.editor.noCongress')}
              />
            )}
          </Form.Item>
        </div>
        <div className="form-row-2">
          <Form.Item name="period" label={t('sug.period')}>
            <Radio.Group optionType="button" options={optionsOf(PERIOD_LABELS, lang)} />
          </Form.Item>
          {period === 'session' && (
            <Form.Item name="sessionNumber" label={t('sug.sessionNumber')}>
              <InputNumber
                min={1}
                max={20}
                style={{ width: 160 }}
                prefix={t('sug.sessionPrefix')}
                suffix={t('sug.sessionSuffix')}
              />
            </Form.Item>
          )}
        </div>
        <Form.Item name="title" label={t('sug.title')} rules={[plain]}>
          <Input maxLength={200} showCount placeholder={t('sug.editor.titlePh')} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('sug.category')}>
          <CategorySelect />
        </Form.Item>
        <Form.Item
          name="background"
          label={motion ? t('sug.backgroundMotion') : t('sug.background')}
          extra={motion ? t('sug.editor.backgroundMotionHint') : t('sug.editor.backgroundHint')}
          rules={[plain]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 18 }} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item
          name="proposals"
          label={motion ? t('sug.proposalsMotion') : t('sug.proposals')}
          extra={motion ? t('sug.editor.proposalsMotionHint') : t('sug.editor.proposalsHint')}
          rules={[plain]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 18 }} maxLength={20000} showCount />
        </Form.Item>
        {motion && (
          <Form.Item name="basis" label={t('sug.basis')} extra={t('sug.editor.basisHint')} rules={[plain]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} showCount />
          </Form.Item>
        )}
      </Form>
    </Card>
  );

  const status = (
    <Card variant="borderless" style={{ marginBottom: 16 }} className="draft-status">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <SaveIndicator state={autosave.state} hasDraft={!!draft} />
        <span style={{ flex: 1 }} />
        {autosave.state.kind === 'error' && (
          <Button size="small" onClick={() => void autosave.flush()}>
            {t('common.retry')}
          </Button>
        )}
      </div>
      {autosave.state.kind === 'conflict' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 10 }}
          title={t('sug.editor.conflictTitle')}
          description={
            <>
              <div>{t('sug.editor.conflictText')}</div>
              <Button size="small" danger style={{ marginTop: 8 }} onClick={() => void reloadFromServer()}>
                {t('sug.editor.loadLatest')}
              </Button>
            </>
          }
        />
      )}
      {autosave.state.kind === 'error' && (
        <Typography.Paragraph type="danger" style={{ fontSize: 12, margin: '6px 0 0' }}>
          {problemText(autosave.state.error, lang)}
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 12 }}>
        {canSubmit && !autosave.dirty ? (
          <Typography.Text type="success">{t('sug.editor.ready')}</Typography.Text>
        ) : (
          <>
            {missing.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {t('sug.editor.missing', { fields: missing.join('、') })}
              </Typography.Paragraph>
            )}
            {tooFew && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {t('sug.editor.needCosigners', { n: minCosigners, have: accepted })}
              </Typography.Paragraph>
            )}
            {!draft && missing.length === 0 && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {t('sug.editor.notSavedYet')}
              </Typography.Paragraph>
            )}
          </>
        )}
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 12, flexWrap: 'wrap' }}>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!canSubmit && !(draft && autosave.dirty && missing.length === 0 && !tooFew)}
          loading={submitting}
          onClick={() => void submit()}
        >
          {t('sug.act.submit')}
        </Button>
        {draft?.actions.includes('withdraw') && (
          <Button danger onClick={withdraw}>
            {t('sug.editor.withdraw')}
          </Button>
        )}
        {draft && (
          <Button type="link" onClick={() => void navigate(`/suggestions/${draft.id}`)}>
            {t('sug.editor.preview')}
          </Button>
        )}
      </div>
    </Card>
  );

  const cosigners = (
    <CosignersCard
      draft={draft}
      motion={motion}
      minCosigners={minCosigners}
      onChange={keep}
      congressId={congressId}
    />
  );

  return (
    <div>
      <PageHeader
        back={(location.state as { from?: string } | null)?.from ?? '/suggestions/work?view=mine'}
        title={draft ? t('sug.editor.editTitle') : t('sug.editor.newTitle')}
        subtitle={
          // On a desk the save state sits in the panel beside the form; on a phone that panel comes last.
          draft
            ? !screens.lg && <SaveIndicator state={autosave.state} hasDraft />
            : t('sug.editor.newSubtitle')
        }
      />
      {screens.lg ? (
        <Row gutter={[16, 0]}>
          <Col span={16}>{fields}</Col>
          <Col span={8}>
            <div style={{ position: 'sticky', top: 76 }}>
              {status}
              {cosigners}
            </div>
          </Col>
        </Row>
      ) : (
        <>
          {fields}
          {cosigners}
          {status}
        </>
      )}
    </div>
  );
}

const SIGNER_COLOR: Record<SignerStatus, string> = {
  invited: 'gold',
  accepted: 'green',
  declined: 'default',
  lapsed: 'default',
};

/** 附议: who is invited and how they answered; invite more, take an unanswered invitation back. */
function CosignersCard({
  draft,
  motion,
  minCosigners,
  congressId,
  onChange,
}: {
  draft: SuggestionDetail | null;
  motion: boolean;
  minCosigners: number;
  congressId: number | undefined;
  onChange: (d: SuggestionDetail) => void;
}) {
  const { t, label } = useI18n();
  const report = useReportError();
  const [picked, setPicked] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const cosigners = draft?.signers.filter((s) => s.role === 'cosigner') ?? [];
  const accepted = cosigners.filter((s) => s.status === 'accepted').length;
  const canInvite = !!draft?.records.includes('invite');

  const invite = async () => {
    if (!draft || picked.length === 0) return;
    setBusy(true);
    try {
      onChange(await inviteCosigners(draft.id, picked));
      setPicked([]);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (representativeId: number) => {
    if (!draft) return;
    try {
      onChange(await removeCosigner(draft.id, representativeId));
    } catch (err) {
      report(err);
    }
  };

  return (
    <Card
      variant="borderless"
      title={t('sug.cosigners')}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sug.acceptedOfInvited', { n: accepted, m: cosigners.length })}
        </Typography.Text>
      }
    >
      {motion && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text style={{ fontSize: 13 }}>
            {t('sug.editor.motionMin', { n: minCosigners })}
          </Typography.Text>
          <Progress
            percent={Math.min(100, Math.round((accepted / minCosigners) * 100))}
            format={() => `${accepted}/${minCosigners}`}
            status={accepted >= minCosigners ? 'success' : 'active'}
            size="small"
          />
        </div>
      )}
      {!draft ? (
        <Typography.Text type="secondary">{t('sug.editor.inviteAfterSave')}</Typography.Text>
      ) : (
        <>
          {cosigners.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {motion ? t('sug.editor.noCosignersMotion') : t('sug.editor.noCosigners')}
            </Typography.Paragraph>
          )}
          {cosigners.map((s) => (
            <div key={s.representative.id} className="signer-row">
              <span>{s.representative.name}</span>
              <span style={{ flex: 1 }} />
              <Tag color={SIGNER_COLOR[s.status]} style={{ marginInlineEnd: 0 }}>
                {label(SIGNER_STATUS_LABELS[s.status])}
              </Tag>
              {canInvite && s.status !== 'accepted' && (
                <Button
                  size="small"
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('sug.editor.uninvite', { name: s.representative.name })}
                  title={t('sug.editor.uninvite', { name: s.representative.name })}
                  onClick={() => void remove(s.representative.id)}
                />
              )}
            </div>
          ))}
          {canInvite && (
            <Space.Compact style={{ width: '100%', marginTop: 12 }}>
              <RepresentativePicker
                multiple
                congressId={congressId}
                activeOnly
                exclude={draft.signers.map((s) => s.representative.id)}
                value={picked}
                onChange={setPicked}
                placeholder={t('sug.editor.invitePh')}
              />
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                loading={busy}
                disabled={picked.length === 0}
                onClick={() => void invite()}
              >
                {t('sug.editor.invite')}
              </Button>
            </Space.Compact>
          )}
        </>
      )}
    </Card>
  );
}

/** Congress staff: a paper suggestion handed in by a representative, filed complete and at once. */
function PaperFiling() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const congresses = useCongresses();
  const kind = Form.useWatch('kind', form) ?? 'suggestion';
  const period = Form.useWatch('period', form) ?? 'session';
  const congressId = Form.useWatch('congressId', form);
  const motion = kind === 'motion';
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('v.required', { field }),
  });
  const plain = { pattern: /^[^<>]*$/, message: t('v.plain') };

  const file = async (v: Values) => {
    setSaving(true);
    try {
      const created = await createDraft({
        kind: v.kind,
        congressId: v.congressId!,
        period: v.period,
        sessionNumber: v.period === 'session' ? (v.sessionNumber ?? null) : null,
        title: (v.title ?? '').trim(),
        categoryCode: v.categoryCode ?? null,
        background: v.background ?? '',
        proposals: v.proposals ?? '',
        basis: v.basis || null,
        leadRepresentativeId: v.leadRepresentativeId,
        submitNow: true,
      });
      void qc.invalidateQueries({ queryKey: keys.suggestions });
      void message.success(t('sug.paper.filed'));
      void navigate(`/suggestions/${created.id}`, { replace: true });
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <PageHeader back="/suggestions/work" title={t('sug.paper.title')} subtitle={t('sug.paper.subtitle')} />
      <Card variant="borderless" style={{ maxWidth: 880 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'suggestion', period: 'session' }}
          onFinish={(v) => void file(v)}
        >
          <div className="form-row-2">
            <Form.Item name="kind" label={t('sug.kind')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={optionsOf(SUGGESTION_KIND_LABELS, lang)}
              />
            </Form.Item>
            <Form.Item
              name="congressId"
              label={t('sug.congress')}
              rules={[{ required: true, message: t('v.choose', { field: t('sug.congress') }) }]}
            >
              <CongressSelect />
            </Form.Item>
          </div>
          <Form.Item
            name="leadRepresentativeId"
            label={t('sug.leadRepresentative')}
            rules={[{ required: true, message: t('v.choose', { field: t('sug.leadRepresentative') }) }]}
          >
            <RepresentativePicker congressId={congressId} activeOnly />
          </Form.Item>
          <div className="form-row-2">
            <Form.Item name="period" label={t('sug.period')}>
              <Radio.Group optionType="button" options={optionsOf(PERIOD_LABELS, lang)} />
            </Form.Item>
            {period === 'session' && (
              <Form.Item name="sessionNumber" label={t('sug.sessionNumber')}>
                <InputNumber
                  min={1}
                  max={20}
                  style={{ width: 160 }}
                  prefix={t('sug.sessionPrefix')}
                  suffix={t('sug.sessionSuffix')}
                />
              </Form.Item>
            )}
          </div>
          <Form.Item name="title" label={t('sug.title')} rules={[required(t('sug.title')), plain]}>
            <Input maxLength={200} showCount />
          </Form.Item>
          <Form.Item
            name="categoryCode"
            label={t('sug.category')}
            rules={[{ required: true, message: t('v.choose', { field: t('sug.category') }) }]}
          >
            <CategorySelect />
          </Form.Item>
          <Form.Item
            name="background"
            label={motion ? t('sug.backgroundMotion') : t('sug.background')}
            rules={[required(motion ? t('sug.backgroundMotion') : t('sug.background')), plain]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} showCount />
          </Form.Item>
          <Form.Item
            name="proposals"
            label={motion ? t('sug.proposalsMotion') : t('sug.proposals')}
            rules={[required(motion ? t('sug.proposalsMotion') : t('sug.proposals')), plain]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} showCount />
          </Form.Item>
          {motion && (
            <>
              <Form.Item name="basis" label={t('sug.basis')} rules={[required(t('sug.basis')), plain]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} showCount />
              </Form.Item>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sug.paper.motionNote')} />
            </>
          )}
          <div className="form-actions">
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} disabled={congresses.isPending}>
              {t('sug.paper.file')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
