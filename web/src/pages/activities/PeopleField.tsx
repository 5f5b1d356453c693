/**
 * A list of representatives in a form: each a closable tag, a search to add one more, and (when
 * the activity has an organiser with a roster) one click to add the whole station's or group's.
 */
import { useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRepresentative } from '../../api/representatives.ts';
import { keys } from '../../api/keys.ts';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface Person {
  id: number;
  name: string;
}

export function PeopleField({
  value = [],
  onChange,
  roster,
  rosterLabel,
  exclude = [],
  id,
}: {
  value?: Person[];
  onChange?: (v: Person[]) => void;
  /** Loads the organiser's roster; absent when there is none to add. */
  roster?: () => Promise<Person[]>;
  rosterLabel?: string;
  /** Ids chosen elsewhere (hosts are not listed again as participants). */
  exclude?: readonly number[];
  id?: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const report = useReportError();
  const [loading, setLoading] = useState(false);
  const add = (people: Person[]) => {
    const have = new Set([...value.map((p) => p.id), ...exclude]);
    const fresh = people.filter((p) => !have.has(p.id));
    if (fresh.length > 0) onChange?.([...value, ...fresh]);
  };
  const pick = async (repId: number | undefined) => {
    if (!repId) return;
    try {
      const r = await qc.fetchQuery({
        queryKey: keys.representative(repId),
        queryFn: () => getRepresentative(repId),
        staleTime: 60_000,
      });
      add([{ id: r.id, name: r.name }]);
    } catch (err) {
      report(err);
    }
  };
  const addRoster = async () => {
    if (!roster) return;
    setLoading(true);
    try {
      add(await roster());
    } catch (err) {
      report(err);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div id={id}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 220px', minWidth: 0 }}>
          <RepresentativePicker
            value={null}
            activeOnly
            exclude={[...value.map((p) => p.id), ...exclude]}
            onChange={(v) => void pick(v)}
            placeholder={t('act.form.searchRep')}
          />
        </div>
        {roster && (
          <Button icon={<TeamOutlined />} loading={loading} onClick={() => void addRoster()}>
            {rosterLabel ?? t('act.form.addRoster')}
          </Button>
        )}
      </div>
      <div style={{ marginTop: value.length > 0 ? 8 : 0 }}>
        <Space size={[4, 6]} wrap>
          {value.map((p) => (
            <Tag
              key={p.id}
              closable
              onClose={(e) => {
                e.preventDefault();
                onChange?.(value.filter((x) => x.id !== p.id));
              }}
              style={{ marginInlineEnd: 0 }}
            >
              {p.name}
            </Tag>
          ))}
        </Space>
        {value.length > 1 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {t('act.form.nPeople', { n: value.length })}
            <Button type="link" size="small" onClick={() => onChange?.([])}>
              {t('act.form.clearPeople')}
            </Button>
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
