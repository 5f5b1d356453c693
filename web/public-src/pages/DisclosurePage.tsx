/** @jsxImportSource preact */
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { count, dateText, hoursText, monthText, percent } from '../lib/format.ts';
import { navigate, useSearch } from '../lib/router.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicDisclosure } from '../lib/types.ts';

type Kind = 'station' | 'representative';
type Shown = NonNullable<PublicDisclosure['disclosure']>;
type Content = Shown['content'];
type Activity = Content['activities'][number];

const BEIJING_MS = 8 * 3_600_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** '3月3日' of an instant, in Beijing time. */
function dayOf(iso: string): string {
  const b = new Date(Date.parse(iso) + BEIJING_MS);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日`;
}

/** The first instant of the month after `m`, in Beijing time (to tell a month still under way). */
function monthEnd(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return new Date(Date.UTC(y, mo, 1) - BEIJING_MS).toISOString();
}

/**
 * An activity's title without the station's name in front: on the station's own disclosure
 * "湖滨街道人大代表联络站接待选民日" reads as "接待选民日".
 */
function shortTitle(a: Activity, c: Content): string {
  const name = c.subject.name;
  if (c.kind !== 'station' || !a.title.startsWith(name)) return a.title;
  const rest = a.title.slice(name.length).trim();
  return rest.length >= 2 ? rest : a.title;
}

/** Names joined with '、', each kept whole when the line breaks (never '李' at a line's end and '慧' below). */
function Names({ names }: { names: string[] }) {
  return (
    <>
      {names.map((n, i) => (
        <span key={i}>
          {i > 0 ? '、' : ''}
          <span class="nowrap">{n}</span>
        </span>
      ))}
    </>
  );
}

/** '3 名：张三、李四 等' — only the names of representatives whose profile is public. */
function Present({ a }: { a: Activity }) {
  const names = a.representatives;
  return (
    <>
      {a.present} 名
      {names.length > 0 ? (
        <>
          ：<Names names={names} />
          {a.present > names.length ? ' 等' : ''}
        </>
      ) : null}
    </>
  );
}

function Figures({ c }: { c: Content }) {
  const o = c.opinions;
  const tiles: [string, string, string?][] = [
    [c.kind === 'station' ? '开展活动' : '参加活动', `${count(c.activities.length)} 次`],
    ['收到群众意见', `${count(o.received)} 件`, o.received > 0 ? `已答复 ${count(o.replied)} 件` : undefined],
    ['解决问题', `${count(o.solved)} 件`, '已解决或群众满意'],
    ['群众满意率', percent(o.satisfactionRate), o.rated > 0 ? `${count(o.rated)} 件评价` : '本月暂无评价'],
  ];
  return (
    <ul class="tiles disclosure-tiles">
      {tiles.map(([label, value, note]) => (
        <li key={label} class="tile">
          <span class="tile-value">{value}</span>
          <span class="tile-label">{label}</span>
          {note ? <span class="tile-note">{note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Activities({ c }: { c: Content }) {
  if (c.activities.length === 0)
    return (
      <p class="card muted">{c.kind === 'station' ? '本月站点没有开展活动。' : '本月没有参加活动的记录。'}</p>
    );
  // Where every activity took place at the station itself, the wall copy says the place once.
  const first = c.activities[0]?.place ?? null;
  const place = first && c.activities.every((a) => a.place === first) ? first : null;
  // The kind of activity when the title does not say it already, and the place when it varies.
  const details = (a: Activity) =>
    [shortTitle(a, c).includes(a.typeLabel) ? null : a.typeLabel, place ? null : a.place]
      .filter(Boolean)
      .join(' · ');
  return (
    <>
      <ul class="cases activity-list screen-only">
        {c.activities.map((a, i) => (
          <li key={i} class="case">
            <p class="case-meta">
              <span class="tag">{a.typeLabel}</span>
              <span class="act-when">
                {dayOf(a.startsAt)} <span class="nowrap">{hoursText(a.startsAt, a.endsAt)}</span>
              </span>
              {a.hosted ? <span class="tag ok">主持</span> : null}
            </p>
            <p class="act-title">{shortTitle(a, c)}</p>
            {a.place ? <p class="muted">地点：{a.place}</p> : null}
            <p class="muted">
              到场代表 <Present a={a} />
            </p>
          </li>
        ))}
      </ul>
      {/* The wall copy: a row per activity, so that a busy month still fits on a page or two. */}
      {place ? <p class="print-only">活动地点：{place}</p> : null}
      <table class="activity-table print-only">
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">活动</th>
            <th scope="col">到场代表</th>
          </tr>
        </thead>
        <tbody>
          {c.activities.map((a, i) => (
            <tr key={i}>
              <td class="nowrap">
                {dayOf(a.startsAt)} {hoursText(a.startsAt, a.endsAt)}
              </td>
              <td>
                <b>{shortTitle(a, c)}</b>
                {a.hosted ? '（主持）' : ''}
                {details(a) ? (
                  <>
                    <br />
                    <span class="muted">{details(a)}</span>
                  </>
                ) : null}
              </td>
              <td>
                <Present a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Opinions({ c }: { c: Content }) {
  const o = c.opinions;
  return (
    <div class="card">
      {o.received === 0 ? (
        <p class="muted">本月没有收到群众意见。</p>
      ) : (
        <>
          <p>
            本月收到群众意见建议 <b>{count(o.received)}</b> 件，已答复 <b>{count(o.replied)}</b> 件。
          </p>
          <ul class="bars" aria-label="按类别">
            {o.byCategory.map((x) => (
              <li key={x.label}>
                <span class="bar-label">{x.label}</span>
                <span class="bar-count">{count(x.count)} 件</span>
                <span class="bar" aria-hidden="true">
                  <span style={{ width: `${Math.round((x.count / o.received) * 100)}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        本月办结并解决的问题 <b>{count(o.solved)}</b> 件。
      </p>
      {o.rated > 0 ? (
        <p>
          群众评价 {count(o.rated)} 件：满意 {count(o.satisfied)} 件、基本满意 {count(o.basicallySatisfied)}{' '}
          件、不满意 {count(o.unsatisfied)} 件，满意率 <b>{percent(o.satisfactionRate)}</b>。
        </p>
      ) : (
        <p class="muted">本月暂无群众评价。</p>
      )}
      <p class="hint">
        解决问题：本月办结，答复“已解决”或群众评价满意、基本满意的事项。满意率 =（满意 + 0.9 × 基本满意）÷
        评价件数。只公布数字，不公布群众的个人信息。
      </p>
    </div>
  );
}

/**
 * Corrections, said plainly: on the latest version, when and why each correction was made and
 * links to the versions it replaced; on a superseded version, that it was replaced, when, why,
 * and the way to the version in force.
 */
function Versions({ d, href }: { d: Shown; href: (version: number) => string }) {
  if (d.latestVersion === 1) return null;
  if (d.version < d.latestVersion) {
    const later = d.versions.filter((v) => v.version > d.version);
    return (
      <div class="card notice warn correction" role="status">
        <h2>这是更正前的旧版本</h2>
        <p>
          您看的是第 {d.version} 版（{dateText(d.publishedAt)}发布），已被更正，
          <b>请以最新的第 {d.latestVersion} 版为准。</b>
        </p>
        <ul class="corrections">
          {later.map((v) => (
            <li key={v.version}>
              <b>{dateText(v.publishedAt)}更正</b>
              {v.correctionNote ? `：${v.correctionNote}` : ''}
            </li>
          ))}
        </ul>
        <a class="btn primary block no-print" href={href(d.latestVersion)}>
          查看最新版本
        </a>
      </div>
    );
  }
  const corrections = d.versions.filter((v) => v.version > 1 && v.version <= d.version);
  const earlier = d.versions.filter((v) => v.version < d.version);
  return (
    <div class="card notice warn correction" role="status">
      <h2>本公示已更正{corrections.length > 1 ? ` ${corrections.length} 次` : ''}</h2>
      <ul class="corrections">
        {corrections.map((v) => (
          <li key={v.version}>
            <b>{dateText(v.publishedAt)}更正</b>
            {v.correctionNote ? `：${v.correctionNote}` : ''}
          </li>
        ))}
      </ul>
      <div class="no-print">
        <p class="muted">更正前的版本仍可查看：</p>
        <ul class="version-links">
          {earlier.map((v) => (
            <li key={v.version}>
              <a href={href(v.version)}>
                第 {v.version} 版（{dateText(v.publishedAt)}发布）›
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** '10月', or '2025年12月' when the year differs from the month shown. */
function stepText(m: string, shown: string): string {
  return m.slice(0, 4) === shown.slice(0, 4) ? `${Number(m.slice(5, 7))}月` : monthText(m);
}

/** The published months: a step to the month before and after, and a list to jump to any. */
function MonthNav({ months, month, base }: { months: string[]; month: string; base: string }) {
  // `months` is newest first; a month asked for but not published sits between its neighbours.
  const older = months.find((m) => m < month) ?? null;
  const newer = [...months].reverse().find((m) => m > month) ?? null;
  const go = (m: string) => `${base}?month=${m}`;
  const choices = months.includes(month) ? months : [...months, month].sort().reverse();
  return (
    <nav class="month-nav no-print" aria-label="选择公示月份">
      {older ? (
        <a class="btn month-step" href={go(older)} aria-label={`上一个月：${monthText(older)}`}>
          ‹ {stepText(older, month)}
        </a>
      ) : (
        <span />
      )}
      <label class="month-select">
        <span class="sr-only">公示月份</span>
        <select value={month} onChange={(e) => navigate(go(e.currentTarget.value))}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {monthText(m)}
            </option>
          ))}
        </select>
      </label>
      {newer ? (
        <a class="btn month-step" href={go(newer)} aria-label={`下一个月：${monthText(newer)}`}>
          {stepText(newer, month)} ›
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** /p/disclosure/s/<code> and /p/disclosure/r/<code>: a month of 履职公示 as published, with a print view for the wall. */
export function DisclosurePage({ kind, code }: { kind: Kind; code: string }) {
  const search = useSearch();
  const wanted = search.get('month');
  const month = wanted && MONTH.test(wanted) ? wanted : null;
  const version = Number(search.get('version'));
  const q = new URLSearchParams();
  if (month) q.set('month', month);
  if (Number.isInteger(version) && version > 0) q.set('version', String(version));
  const segment = kind === 'station' ? 'stations' : 'representatives';
  const query = q.toString();
  const { data, error, loading, reload } = useFetch<PublicDisclosure>(
    `${API}/disclosures/${segment}/${encodeURIComponent(code)}${query ? `?${query}` : ''}`,
  );
  const base = `/p/disclosure/${kind === 'station' ? 's' : 'r'}/${encodeURIComponent(code)}`;
  const home = kind === 'station' ? `/s/${encodeURIComponent(code)}` : `/r/${encodeURIComponent(code)}`;

  if (loading && !data)
    return (
      <Shell title="履职公示">
        <Loading />
      </Shell>
    );
  if (error || !data)
    return (
      <Shell title="履职公示">
        <LoadError
          message={
            error?.status === 404
              ? kind === 'station'
                ? '没有找到这个站点的履职公示。请核对二维码或网址。'
                : '没有找到这位代表的履职公示，代表可能未公开个人履职信息。'
              : (error?.message ?? '加载失败')
          }
          {...(error?.status === 404 ? {} : { onRetry: reload })}
        />
        <a class="btn block" href={home}>
          {kind === 'station' ? '返回站点页面' : '返回代表页面'}
        </a>
      </Shell>
    );

  const d = data.disclosure;
  const c = d?.content;
  const name = c?.subject.name ?? data.subject.name;
  const subjectName = kind === 'station' ? name : `${name}代表`;
  const title = data.month ? `${monthText(data.month)}履职公示` : '履职公示';
  const under = c && c.asOf < monthEnd(c.month);
  const methodHref =
    kind === 'station'
      ? `/p/performance/method?station=${encodeURIComponent(code)}`
      : '/p/performance/method';
  const qr = `/qr/${kind === 'station' ? 's' : 'r'}/${encodeURIComponent(data.subject.publicCode)}.svg`;
  const versionHref = (v: number) =>
    `${base}?month=${data.month ?? ''}${d && v === d.latestVersion ? '' : `&version=${v}`}`;

  return (
    <Shell
      kicker={`履职公示 · ${c ? c.subject.description : kind === 'station' ? '人大代表联络站' : '人大代表'}`}
      title={subjectName}
      docTitle={`${subjectName} ${title}`}
    >
      <div class="print-head" aria-hidden="true">
        <p class="print-kicker">{c ? `${c.subject.jurisdictionName} · ${c.subject.description}` : ''}</p>
        <h1>{subjectName}</h1>
        <p class="print-title">{title}</p>
      </div>

      {data.month && (data.months.length > 1 || !data.months.includes(data.month)) ? (
        <MonthNav months={data.months} month={data.month} base={base} />
      ) : null}

      {!d || !c ? (
        <div class="card">
          <h2>
            {data.months.length === 0
              ? '尚未发布履职公示'
              : `${data.month ? monthText(data.month) : '该月'}尚未公示`}
          </h2>
          <p class="muted">
            {data.months.length === 0
              ? '履职公示每月由人大常委会代表工作机构审核后发布，发布后可在这里查看。'
              : '请点上面的按钮，查看已经公示的月份。'}
          </p>
        </div>
      ) : (
        <>
          <Versions d={d} href={versionHref} />
          <section>
            <h2 class="section-title screen-only">{title}</h2>
            <p class="hint">
              {dateText(d.publishedAt)}发布{d.latestVersion > 1 ? ` · 第 ${d.version} 版` : ''}
              {under ? ` · 统计截至${dateText(c.asOf)}` : ''}
            </p>
            <Figures c={c} />
          </section>

          {c.attendance ? (
            <section>
              <h2 class="section-title">履职情况</h2>
              <div class="card">
                <p>
                  本月应参加活动 <b>{count(c.attendance.invited)}</b> 次，出席{' '}
                  <b>{count(c.attendance.attended)}</b> 次
                  {c.attendance.leave > 0 ? `，请假（经批准）${count(c.attendance.leave)} 次` : ''}。
                </p>
                {c.suggestions ? (
                  <p>
                    本月提出并立案的建议：领衔 <b>{count(c.suggestions.led)}</b> 件，附议{' '}
                    <b>{count(c.suggestions.cosigned)}</b> 件。
                  </p>
                ) : null}
              </div>
            </section>
          ) : null}

          <section>
            <h2 class="section-title">{c.kind === 'station' ? '本月活动' : '参加的活动'}</h2>
            <Activities c={c} />
          </section>

          <section>
            <h2 class="section-title">群众意见办理</h2>
            <Opinions c={c} />
          </section>

          <div class="print-foot" aria-hidden="true">
            <img src={qr} alt="" width={96} height={96} />
            <p>
              手机扫一扫，查看{kind === 'station' ? '本站' : subjectName}
              每月的履职公示，也可以给人大代表留言。
              <br />
              本公示根据活动签到和群众意见办理记录生成，{dateText(d.publishedAt)}发布
              {d.latestVersion > 1 ? `（第 ${d.version} 版）` : ''}。
            </p>
          </div>

          <div class="actions-row no-print">
            <button type="button" class="btn block" onClick={() => window.print()}>
              打印张贴版（A4）
            </button>
          </div>
        </>
      )}

      <a class="card link-card no-print" href={methodHref}>
        <span class="link-card-title">履职评价办法</span>
        <span class="link-card-text">人大代表的履职怎样计分、每年有哪些基本要求</span>
        <span class="chev" aria-hidden="true">
          ›
        </span>
      </a>
      <a class="btn block no-print" href={home}>
        {kind === 'station' ? '返回站点页面' : '返回代表页面'}
      </a>
    </Shell>
  );
}
