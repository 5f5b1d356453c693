/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { Compose } from '../components/Compose.tsx';
import { PublishedList } from '../components/PublishedList.tsx';
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { dayText, hoursText, relativeDay, splitHours, todayInBeijing } from '../lib/format.ts';
import { levelsText, STATION_TIER_LABELS } from '../lib/labels.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicStationPage } from '../lib/types.ts';

function Hours({ text }: { text: string }) {
  const [days, hours] = splitHours(text);
  return (
    <b class="big-text">
      {days} {hours ? <span class="nowrap">{hours}</span> : null}
    </b>
  );
}

type ReceptionDay = PublicStationPage['receptionDays'][number];

/** Who is on duty: the public names (each a link to the representative), then how many others. */
function OnDuty({ day }: { day: ReceptionDay }) {
  const others = day.onDutyCount - day.onDuty.length;
  if (day.onDutyCount === 0) return <p class="muted">值班代表待定</p>;
  if (day.onDuty.length === 0) return <p class="rd-duty">{day.onDutyCount} 位人大代表在站接待</p>;
  return (
    <div class="rd-duty">
      <span class="rd-duty-label">值班代表</span>
      <ul class="duty-names">
        {day.onDuty.map((r) => (
          <li key={r.publicCode}>
            <a class="duty-name" href={`/r/${r.publicCode}`}>
              {r.name}
            </a>
          </li>
        ))}
        {others > 0 ? <li class="duty-more">还有 {others} 位代表</li> : null}
      </ul>
    </div>
  );
}

/**
 * The coming reception days as published (the station's notice window): the day, the hours and
 * who is on duty. Further dates from the rule follow as plain dates; before anything is published,
 * the dates from the rule alone.
 */
function ReceptionDays({ days, later }: { days: ReceptionDay[]; later: string[] }) {
  const now = Date.now();
  const today = todayInBeijing(new Date(now));
  const last = days.at(-1)?.date ?? '';
  const after = later.filter((d) => d > last);
  return (
    <section>
      <h2 class="section-title">近期接待日</h2>
      {days.length > 0 ? (
        <ul class="reception-days">
          {days.map((d) => {
            const over = Date.parse(d.endsAt) < now;
            const near = relativeDay(d.date, today);
            const cls = over
              ? 'reception-day over'
              : near === '今天'
                ? 'reception-day today'
                : 'reception-day';
            return (
              <li key={d.startsAt} class={cls}>
                <p class="rd-when">
                  <b class="rd-date">{dayText(d.date)}</b>
                  {near ? <span class="rd-near">{near}</span> : null}
                  {over ? <span class="rd-over">已结束</span> : null}
                </p>
                <p class="rd-hours">{hoursText(d.startsAt, d.endsAt)}</p>
                <OnDuty day={d} />
              </li>
            );
          })}
        </ul>
      ) : null}
      {after.length > 0 ? (
        <div class="card">
          <p class="muted">{days.length > 0 ? '以后的接待日' : '值班代表名单在接待日前公布'}</p>
          <ul class="dates">
            {after.map((d) => (
              <li key={d}>{dayText(d)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Long rosters (a town station may have sixty) show the first few and open on request. */
const FIRST_REPS = 8;

function Roster({ reps }: { reps: PublicStationPage['representatives'] }) {
  const [all, setAll] = useState(reps.length <= FIRST_REPS + 2);
  const shown = all ? reps : reps.slice(0, FIRST_REPS);
  return (
    <>
      <ul class="reps">
        {shown.map((r) => (
          <li key={r.publicCode}>
            <a class="rep" href={`/r/${r.publicCode}`}>
              <span class="rep-name">{r.name}</span>
              {r.levels.length ? <span class="rep-level">{levelsText(r.levels)}</span> : null}
              {r.employer || r.post ? (
                <span class="rep-work">{[r.employer, r.post].filter(Boolean).join(' ')}</span>
              ) : null}
              <span class="chev" aria-hidden="true">
                ›
              </span>
            </a>
          </li>
        ))}
      </ul>
      {all ? null : (
        <button type="button" class="btn block" onClick={() => setAll(true)}>
          显示全部 {reps.length} 名代表
        </button>
      )}
    </>
  );
}

export function StationPage({ code }: { code: string }) {
  const { data, error, loading, reload } = useFetch<PublicStationPage>(
    `${API}/stations/${encodeURIComponent(code)}`,
  );
  if (loading && !data)
    return (
      <Shell title="联系人大代表">
        <Loading />
      </Shell>
    );
  if (error || !data)
    return (
      <Shell title={error?.status === 404 ? '未找到该站点' : '联系人大代表'}>
        <LoadError
          message={
            error?.status === 404
              ? '没有找到这个站点。请核对二维码，或到附近的代表联络站咨询。'
              : (error?.message ?? '加载失败')
          }
          {...(error?.status === 404 ? {} : { onRetry: reload })}
        />
      </Shell>
    );

  const s = data;
  const tier = STATION_TIER_LABELS[s.tier].zh;
  const retired = s.status === 'retired';
  return (
    <Shell kicker={`人大代表${tier} · ${s.jurisdictionName}`} title={s.name} withActionBar={!retired}>
      <Compose target={{ stationCode: s.publicCode }} addressedTo={s.name} canWrite={!retired}>
        {retired ? (
          <div class="card notice warn" role="status">
            <h2>本站点已撤销</h2>
            {s.successor ? (
              <>
                <p>请到新的站点联系人大代表、反映意见：</p>
                <a class="btn primary big block" href={`/s/${s.successor.publicCode}`}>
                  前往 {s.successor.name}
                </a>
              </>
            ) : (
              <p>请到附近的代表联络站当面反映，或查询以前留言的办理进度。</p>
            )}
          </div>
        ) : null}

        <section class="card info">
          {s.address ? (
            <div class="row">
              <span class="row-label">{retired ? '原址' : '地址'}</span>
              <span>{s.address}</span>
            </div>
          ) : null}
          {!retired ? (
            <div class="row">
              <span class="row-label">接待</span>
              <span>
                {s.receptionText ? <Hours text={s.receptionText.zh} /> : '接待时间另行通知'}
                {s.receptionText ? <span class="muted block">人大代表在站接待群众</span> : null}
              </span>
            </div>
          ) : null}
        </section>

        {!retired && (s.receptionDays.length > 0 || s.nextReceptions.length > 0) ? (
          <ReceptionDays days={s.receptionDays} later={s.nextReceptions} />
        ) : null}

        {!retired ? (
          <section>
            <h2 class="section-title">
              进站人大代表{s.representatives.length > 0 ? `（${s.representatives.length} 名）` : ''}
            </h2>
            {s.representatives.length === 0 ? (
              <p class="muted">暂无公开信息的代表，您仍可以在这里留言。</p>
            ) : (
              <Roster reps={s.representatives} />
            )}
          </section>
        ) : null}

        <a class="card link-card" href={`/p/disclosure/s/${s.publicCode}`}>
          <span class="link-card-title">履职公示</span>
          <span class="link-card-text">本站每月开展的活动、收到的群众意见、解决的问题和群众满意率</span>
          <span class="chev" aria-hidden="true">
            ›
          </span>
        </a>

        <section>
          <h2 class="section-title">办理公开</h2>
          <PublishedList items={s.published} />
          {s.published.length > 0 ? (
            <a class="more" href="/p">
              查看更多办理结果 ›
            </a>
          ) : null}
        </section>
      </Compose>
    </Shell>
  );
}
