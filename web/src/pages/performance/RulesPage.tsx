/**
 * 评价规则: the scoring rules of a congress for a year — the caps of the three parts, points per
 * activity by kind (and per type where a type earns its own), the host bonus and the absence
 * penalty, points for suggestions, how ratings count towards problem solving, and the yearly
 * requirements — with the versions saved so far and the method as published, written from the
 * rules themselves (a preview follows the form before saving). Saving makes a new version and
 * recomputes everyone under it. Leaders read; congress staff edit.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../src/modules/activities/activities.domain.ts';
import { describeRules } from '../../../../src/modules/performance/performance.domain.ts';
import { getRules, recompute, saveRules } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { ScoreRequirement, ScoreRules } from '../../api/types.ts';
import { KIND_LABEL } from '../../components/activityTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useActivityTypes } from '../activities/useActivityTypes.ts';
import { CongressYearSelects, useCongressYear } from './useCongressYear.tsx';

type RequirementKind = ScoreRequirement['kind'];

/** A requirement as the form holds it: every kind's fields, the unused ones ignored on save. */
interface RequirementRow {
  code: string;
  label: string;
  kind: RequirementKind;
  min?: number;
  role?: 'lead' | 'any';
  activityKinds?: ActivityKind[];
}

interface Values {
  rules: Omit<ScoreRules, 'requirements' | 'activity'> & {
    activity: Omit<ScoreRules['activity'], 'byType'>;
    requirements: RequirementRow[];
  };
  /** Points of a type, where it earns its own (empty: by its kind). */
  byType: Record<string, number | null | undefined>;
  note?: string;
}

function toValues(rules: ScoreRules): Values {
  const { byType, ...activity } = rules.activity;
  return {
    rules: { ...rules, activity, requirements: rules.requirements.map((r) => ({ ...r })) },
    byType: { ...byType },
    note: '',
  };
}

function toRules(v: Values): ScoreRules {
  const byType: Record<string, number> = {};
  for (const [code, points] of Object.entries(v.byType ?? {}))
    if (typeof points === 'number') byType[code] = points;
  const requirements: ScoreRequirement[] = (v.rules.requirements ?? []).map((r) => {
    const base = { code: r.code.trim(), label: r.label.trim() };
    switch (r.kind) {
      case 'suggestions':
        return { ...base, kind: 'suggestions', min: r.min ?? 1, role: r.role ?? 'lead' };
      case 'activities':
        return {
          ...base,
          kind: 'activities',
          min: r.min ?? 1,
          activityKinds: r.activityKinds ?? ['research'],
        };
      case 'monthly_reception':
        return { ...base, kind: 'monthly_reception' };
    }
  });
  return { ...v.rules, activity: { ...v.rules.activity, byType }, requirements };
}

export function RulesPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const scope = useCongressYear();
  const { congressId, year } = scope;
  const editable = can('performance.manage');
  const types = useActivityTypes(true);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [recomputing, setRecomputing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const watched = Form.useWatch([], form) as Values | undefined;

  const set = useQuery({
    queryKey: [...keys.performance, 'rules', congressId, year],
    queryFn: () => getRules({ congressId: congressId!, year }),
    enabled: !!congressId,
  });
  const s = set.data;

  useEffect(() => {
    if (!s) return;
    form.setFieldsValue(toValues(s.rules));
    setDirty(false);
  }, [s, form]);

  const typeLabels = useMemo(
    () => Object.fromEntries((types.data ?? []).map((x) => [x.code, x.labelZh])),
    [types.data],
  );
  // The method as it would read with the form's rules (the same words the server publishes).
  const preview = useMemo(() => {
    if (!dirty || !watched?.rules?.caps) return null;
    try {
      return describeRules(toRules(watched), typeLabels);
    } catch {
      return null;
    }
  }, [dirty, watched, typeLabels]);
  const method = preview ?? s?.method ?? [];

  const save = async (v: Values) => {
    if (!congressId) return;
    setSaving(true);
    try {
      const next = await saveRules({
        congressId,
        year,
        rules: toRules(v),
        note: v.note?.trim() || null,
      });
      qc.setQueryData([...keys.performance, 'rules', congressId, year], next);
      void qc.invalidateQueries({ queryKey: keys.performance });
      void message.success(t('perf.rules.saved', { v: next.version }));
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };
  const doRecompute = async () => {
    if (!congressId) return;
    setRecomputing(true);
    try {
      const r = await recompute(congressId, year);
      void message.success(t('perf.recomputed', { n: r.representatives, m: r.entries }));
      void qc.invalidateQueries({ queryKey: keys.performance });
    } catch (err) {
      report(err);
    } finally {
      setRecomputing(false);
    }
  };
  const copyMethod = async () => {
    try {
      await navigator.clipboard.writeText(method.join('\n'));
      void message.success(t('perf.rules.copied'));
    } catch {
      void message.error(t('perf.rules.copyFailed'));
    }
  };

  const num = (name: (string | number)[], label: string, max = 100, step = 0.5) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('v.required', { field: label }) }]}
    >
      <InputNumber
        min={0}
        max={max}
        step={step}
        style={{ width: '100%' }}
        suffix={max <= 1 ? undefined : t('perf.pts')}
      />
    </Form.Item>
  );

  return (
    <div>
      <PageHeader
        back={`/performance?${scope.params.toString()}`}
        title={t('nav.perfRules')}
        subtitle={
          s
            ? `${s.congress.name} · ${t('sug.yearN', { n: year })} · ${
                s.id === null ? t('perf.defaultRules') : t('perf.ruleVersion', { v: s.version })
              }`
            : t('perf.rules.subtitle')
        }
        extra={
          editable &&
          s?.id !== null &&
          s && (
            <Button icon={<SyncOutlined />} loading={recomputing} onClick={() => void doRecompute()}>
              {t('perf.recompute')}
            </Button>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <CongressYearSelects scope={scope} />
        </div>
      </Card>
      {!congressId && !scope.loading ? (
        <Card variant="borderless">
          <Empty description={t('perf.noCongress')} />
        </Card>
      ) : set.isError ? (
        <QueryError error={set.error} onRetry={() => void set.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            {s?.id === null && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('perf.rules.defaultsNote')} />
            )}
            {!editable && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('perf.rules.readOnly')} />
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              disabled={!editable || !s}
              onFinish={(v) => void save(v)}
              onValuesChange={() => setDirty(true)}
              scrollToFirstError={{ block: 'center' }}
            >
              <Card variant="borderless" title={t('perf.rules.caps')} style={{ marginBottom: 16 }}>
                <div className="rules-grid">
                  {num(['rules', 'caps', 'participation'], t('perf.cat.participation'), 1000, 1)}
                  {num(['rules', 'caps', 'suggestions'], t('perf.cat.suggestions'), 1000, 1)}
                  {num(['rules', 'caps', 'solving'], t('perf.cat.solving'), 1000, 1)}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('perf.rules.capsTotal', {
                    n:
                      (watched?.rules?.caps?.participation ?? 0) +
                      (watched?.rules?.caps?.suggestions ?? 0) +
                      (watched?.rules?.caps?.solving ?? 0),
                  })}
                </Typography.Text>
              </Card>
              <Card variant="borderless" title={t('perf.rules.activity')} style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('perf.rules.byKindHint')}
                </Typography.Paragraph>
                <div className="rules-grid">
                  {ACTIVITY_KINDS.map((k) => (
                    <div key={k}>{num(['rules', 'activity', 'byKind', k], t(KIND_LABEL[k]))}</div>
                  ))}
                  {num(['rules', 'activity', 'hostBonus'], t('perf.rules.hostBonus'))}
                  {num(['rules', 'activity', 'absencePenalty'], t('perf.rules.absencePenalty'))}
                </div>
                <h3 className="text-heading">{t('perf.rules.byType')}</h3>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('perf.rules.byTypeHint')}
                </Typography.Paragraph>
                <div className="rules-grid">
                  {(types.data ?? []).map((x) => (
                    <Form.Item
                      key={x.code}
                      name={['byType', x.code]}
                      label={lang === 'en' ? x.labelEn : x.labelZh}
                    >
                      <InputNumber
                        min={0}
                        max={100}
                        step={0.5}
                        style={{ width: '100%' }}
                        placeholder={t('perf.rules.byKindPlaceholder', {
                          n: watched?.rules?.activity?.byKind?.[x.kind] ?? '',
                        })}
                      />
                    </Form.Item>
                  ))}
                </div>
              </Card>
              <Card variant="borderless" title={t('perf.rules.suggestions')} style={{ marginBottom: 16 }}>
                <div className="rules-grid">
                  {num(['rules', 'suggestion', 'lead'], t('perf.rules.lead'))}
                  {num(['rules', 'suggestion', 'cosign'], t('perf.rules.cosign'))}
                  {num(['rules', 'suggestion', 'key'], t('perf.rules.key'))}
                  {num(['rules', 'suggestion', 'excellent'], t('perf.rules.excellent'))}
                </div>
              </Card>
              <Card variant="borderless" title={t('perf.rules.solving')} style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('perf.rules.solvingHint')}
                </Typography.Paragraph>
                <div className="rules-grid">
                  {num(['rules', 'solving', 'satisfied'], t('perf.rules.satisfied'), 1, 0.05)}
                  {num(
                    ['rules', 'solving', 'basicallySatisfied'],
                    t('perf.rules.basicallySatisfied'),
                    1,
                    0.05,
                  )}
                </div>
              </Card>
              <RequirementsEditor />
              {editable && (
                <Card variant="borderless" style={{ marginBottom: 16 }}>
                  <Form.Item
                    name="note"
                    label={t('perf.rules.note')}
                    rules={[{ max: 500, message: t('v.max', { n: 500 }) }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 5 }}
                      placeholder={t('perf.rules.notePlaceholder')}
                    />
                  </Form.Item>
                </Card>
              )}
              {editable && (
                <div className="form-actions">
                  <Button
                    disabled={!dirty}
                    onClick={() => {
                      if (s) form.setFieldsValue(toValues(s.rules));
                      setDirty(false);
                    }}
                  >
                    {t('perf.rules.reset')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
                    {t('perf.rules.save')}
                  </Button>
                </div>
              )}
            </Form>
          </Col>
          <Col xs={24} xl={9}>
            <Card
              variant="borderless"
              title={
                <Space size={6}>
                  {t('perf.rules.method')}
                  {preview && <Tag color="orange">{t('perf.rules.previewTag')}</Tag>}
                </Space>
              }
              extra={
                <Button size="small" type="text" icon={<CopyOutlined />} onClick={() => void copyMethod()}>
                  {t('perf.rules.copy')}
                </Button>
              }
              style={{ marginBottom: 16 }}
            >
              <div className="method-text">
                {method.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {t('perf.rules.methodHint')}
              </Typography.Paragraph>
            </Card>
            <Card variant="borderless" title={t('perf.rules.versions')}>
              {!s || s.versions.length === 0 ? (
                <Typography.Text type="secondary">{t('perf.rules.noVersions')}</Typography.Text>
              ) : (
                <Timeline
                  items={s.versions.map((v) => ({
                    color: v.id === s.id ? 'red' : 'gray',
                    content: (
                      <div>
                        <Space size={6} wrap>
                          <strong>{t('perf.ruleVersion', { v: v.version })}</strong>
                          {v.id === s.id && <Tag color="red">{t('perf.rules.current')}</Tag>}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDateTime(v.createdAt, false)}
                          </Typography.Text>
                        </Space>
                        {v.note && (
                          <div className="user-text" style={{ fontSize: 13 }}>
                            {v.note}
                          </div>
                        )}
                      </div>
                    ),
                  }))}
                />
              )}
              {s?.computedAt && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {t('perf.computedAt', { at: formatDateTime(s.computedAt, false) })}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

function RequirementsEditor() {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const kindOptions: { value: RequirementKind; label: string }[] = [
    { value: 'suggestions', label: t('perf.req.kind.suggestions') },
    { value: 'activities', label: t('perf.req.kind.activities') },
    { value: 'monthly_reception', label: t('perf.req.kind.monthly_reception') },
  ];
  return (
    <Card variant="borderless" title={t('perf.requirements')} style={{ marginBottom: 16 }}>
      <Form.List name={['rules', 'requirements']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="requirement-row">
                <div className="requirement-index">{i + 1}</div>
                <div className="requirement-fields">
                  <Form.Item
                    name={[f.name, 'label']}
                    label={t('perf.req.label')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('v.required', { field: t('perf.req.label') }),
                      },
                    ]}
                  >
                    <Input maxLength={100} placeholder={t('perf.req.labelPlaceholder')} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'code']}
                    label={t('common.code')}
                    rules={[
                      { required: true, message: t('v.required', { field: t('common.code') }) },
                      { pattern: /^[a-z][a-z0-9_]*$/, message: t('sug.reasons.codeRule') },
                    ]}
                  >
                    <Input maxLength={32} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} label={t('perf.req.kind')}>
                    <Select<RequirementKind> options={kindOptions} />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['rules', 'requirements', f.name, 'kind']]}>
                    {() => {
                      const kind = form.getFieldValue([
                        'rules',
                        'requirements',
                        f.name,
                        'kind',
                      ]) as RequirementKind;
                      if (kind === 'monthly_reception')
                        return (
                          <Typography.Text type="secondary" style={{ fontSize: 12, alignSelf: 'center' }}>
                            {t('perf.req.monthlyHint')}
                          </Typography.Text>
                        );
                      return (
                        <>
                          <Form.Item
                            name={[f.name, 'min']}
                            label={t('perf.req.min')}
                            initialValue={1}
                            rules={[
                              { required: true, message: t('v.required', { field: t('perf.req.min') }) },
                            ]}
                          >
                            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                          {kind === 'suggestions' ? (
                            <Form.Item name={[f.name, 'role']} label={t('perf.req.role')} initialValue="lead">
                              <Select
                                options={[
                                  { value: 'lead', label: t('perf.req.role.lead') },
                                  { value: 'any', label: t('perf.req.role.any') },
                                ]}
                              />
                            </Form.Item>
                          ) : (
                            <Form.Item
                              name={[f.name, 'activityKinds']}
                              label={t('perf.req.activityKinds')}
                              initialValue={['research']}
                              rules={[
                                {
                                  required: true,
                                  message: t('v.choose', { field: t('perf.req.activityKinds') }),
                                },
                              ]}
                            >
                              <Select
                                mode="multiple"
                                options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
                              />
                            </Form.Item>
                          )}
                        </>
                      );
                    }}
                  </Form.Item>
                </div>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(f.name)}
                />
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  code: `req_${fields.length + 1}`,
                  label: '',
                  kind: 'activities',
                  min: 1,
                  activityKinds: ['research'],
                })
              }
            >
              {t('perf.req.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
