/**
 * A station's or a group's activities, for their pages in the organisation section: the coming
 * ones on the station page, and every one (coming and past, paged) on the group's activity tab,
 * each with the way to the calendar filtered to it and, for managers, to a new activity there.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Grid, Segmented, Space } from 'antd';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listActivities } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import { QueryError } from '../../components/errors.tsx';
import { pagination } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { ActivityList } from './ActivityList.tsx';
import { todayBeijing } from './dates.ts';

const COMING = 6;

export function StationActivities({ stationId, active }: { stationId: number; active: boolean }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const today = todayBeijing();
  const coming = useQuery({
    queryKey: [...keys.activities, 'station', stationId, today],
    queryFn: ({ signal }) => listActivities({ stationId, from: today, pageSize: 50 }, signal),
    select: (p) => ({
      total: p.total,
      items: [...p.items].sort((x, y) => x.startsAt.localeCompare(y.startsAt)).slice(0, COMING),
    }),
  });
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <CalendarOutlined />
          {t('station.activities', { n: coming.data?.total ?? 0 })}
        </Space>
      }
      extra={
        <Space size={8}>
          <Link to={`/activities?mode=list&stationId=${stationId}`}>{t('station.activitiesAll')}</Link>
          {can('activities.manage') && active && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => void navigate(`/activities/new?organiser=station&organiserId=${stationId}`)}
            >
              {t('act.create')}
            </Button>
          )}
        </Space>
      }
    >
      {coming.isError ? (
        <QueryError compact error={coming.error} onRetry={() => void coming.refetch()} />
      ) : (
        <ActivityList
          items={coming.data?.items}
          loading={coming.isPending}
          phone={!screens.md}
          pagination={false}
          emptyText={t('station.noActivities')}
        />
      )}
    </Card>
  );
}

export function GroupActivities({ groupId }: { groupId: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [when, setWhen] = useState<'coming' | 'past'>('coming');
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const today = todayBeijing();
  const query =
    when === 'coming'
      ? { groupId, from: today, ...page }
      : {
          groupId,
          to: new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
          ...page,
        };
  const list = useQuery({
    queryKey: [...keys.activities, 'group', query],
    queryFn: ({ signal }) => listActivities(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12, alignItems: 'center' }}>
        <Segmented<'coming' | 'past'>
          value={when}
          onChange={(v) => {
            setWhen(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'coming', label: t('act.my.coming') },
            { value: 'past', label: t('act.my.past') },
          ]}
        />
        <span style={{ flex: 1 }} />
        <Link to={`/activities?groupId=${groupId}`}>{t('station.activitiesAll')}</Link>
        {/* Only congress staff organise for a group (liaison officers for their stations). */}
        {user?.roles.includes('congress_staff') && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => void navigate(`/activities/new?organiser=group&organiserId=${groupId}`)}
          >
            {t('act.create')}
          </Button>
        )}
      </div>
      {list.isError ? (
        <QueryError compact error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ActivityList
          items={list.data?.items}
          loading={list.isFetching}
          phone={!screens.md}
          pagination={pagination(t, list.data?.total, page.page, page.pageSize, (p, s) =>
            setPage({ page: p, pageSize: s }),
          )}
          emptyText={t('station.noActivities')}
        />
      )}
    </>
  );
}
