/**
 * The header's bell: how many notices are unread, the latest ones in a popover (a drawer on a
 * phone), a click opens the linked opinion, suggestion or activity and marks the notice read. Polls once a minute while
 * the tab is visible (React Query pauses the interval in a hidden tab).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Drawer, Grid, Popover, Spin, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications.ts';
import { keys } from '../api/keys.ts';
import type { NotificationView } from '../api/types.ts';
import { useReportError } from '../components/errors.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatAgo, formatDateTime } from '../lib/format.ts';

const RECENT = 10;

/** The page a notice opens: the opinion, suggestion or activity it is about. */
function linkOf(link: { type: string; id: number }): string | null {
  switch (link.type) {
    case 'opinion':
      return `/opinions/${link.id}`;
    case 'suggestion':
      return `/suggestions/${link.id}`;
    case 'activity':
      return `/activities/${link.id}`;
    default:
      return null;
  }
}

export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const report = useReportError();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [open, setOpen] = useState(false);

  const inbox = useQuery({
    queryKey: [...keys.notifications, 'recent'],
    queryFn: ({ signal }) => listNotifications({ page: 1, pageSize: RECENT }, signal),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 20_000,
    retry: false,
  });

  const refresh = () => qc.invalidateQueries({ queryKey: keys.notifications });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
  const readAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: refresh,
    onError: (err) => report(err),
  });

  // An inbox that does not answer (older server, no permission) hides the bell rather than nag.
  if (inbox.isError && !inbox.data) return null;
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const openNotice = (n: NotificationView) => {
    if (!n.readAt) readOne.mutate(n.id);
    setOpen(false);
    const to = n.link ? linkOf(n.link) : null;
    if (to) void navigate(to);
  };

  const content = (
    <div style={{ width: phone ? '100%' : 380 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: phone ? '0 0 8px' : '4px 4px 8px',
          borderBottom: '1px solid rgba(5,5,5,0.06)',
        }}
      >
        <Typography.Text strong>
          {t('notice.title')}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>
              {t('notice.unreadCount', { n: unread })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notice.readAll')}
        </Button>
      </div>
      {inbox.isPending ? (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <div style={{ padding: '24px 0', textAlign: 'center' }}>
          <Typography.Text type="secondary">{t('notice.empty')}</Typography.Text>
        </div>
      ) : (
        <div style={{ maxHeight: phone ? undefined : 420, overflowY: 'auto' }} role="list">
          {items.map((n) => (
            <div
              key={n.id}
              role="listitem"
              tabIndex={0}
              className={`notice-item${n.readAt ? '' : ' notice-unread'}`}
              onClick={() => openNotice(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') openNotice(n);
              }}
            >
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                {!n.readAt && <Badge status="processing" />}
                <span style={{ flex: 1, fontWeight: n.readAt ? 400 : 600, minWidth: 0 }}>{n.title}</span>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                  title={formatDateTime(n.createdAt)}
                >
                  {formatAgo(n.createdAt, lang)}
                </Typography.Text>
              </div>
              {n.body && (
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 2 }}
                  style={{ margin: '2px 0 0', fontSize: 13 }}
                >
                  {n.body}
                </Typography.Paragraph>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      aria-label={t('notice.bell', { n: unread })}
      onClick={phone ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );

  if (phone)
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          open={open}
          onClose={() => setOpen(false)}
          size={Math.min(360, window.innerWidth)}
          title={null}
          closable={false}
          styles={{ body: { padding: 16 } }}
        >
          {content}
        </Drawer>
      </>
    );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void refresh();
      }}
      content={content}
      arrow={false}
    >
      {bell}
    </Popover>
  );
}
