/** @jsxImportSource preact */
import { Compose } from '../components/Compose.tsx';
import { PublishedList } from '../components/PublishedList.tsx';
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { levelsText } from '../lib/labels.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicRepresentativePage } from '../lib/types.ts';

export function RepresentativePage({ code }: { code: string }) {
  const { data, error, loading, reload } = useFetch<PublicRepresentativePage>(
    `${API}/representatives/${encodeURIComponent(code)}`,
  );
  if (loading && !data)
    return (
      <Shell title="联系人大代表">
        <Loading />
      </Shell>
    );
  if (error || !data)
    return (
      <Shell title={error?.status === 404 ? '未找到该代表' : '联系人大代表'}>
        <LoadError
          message={
            error?.status === 404
              ? '没有找到这位代表。请核对二维码，或到附近的代表联络站咨询。'
              : (error?.message ?? '加载失败')
          }
          {...(error?.status === 404 ? {} : { onRetry: reload })}
        />
      </Shell>
    );

  const r = data;
  return (
    <Shell
      kicker={r.levels.length ? levelsText(r.levels) : '人大代表'}
      title={r.name}
      docTitle={`${r.name}代表`}
      withActionBar={r.active}
    >
      <Compose
        target={{ representativeCode: r.publicCode }}
        addressedTo={`${r.name}代表`}
        canWrite={r.active}
      >
        {!r.active ? (
          <div class="card notice warn" role="status">
            <h2>{r.name}已不再担任人大代表</h2>
            <p>
              {r.stations.length > 0
                ? '请到下面的代表联络站，联系其他人大代表反映意见。'
                : '请到附近的代表联络站，联系其他人大代表反映意见。'}
            </p>
          </div>
        ) : null}

        {r.profilePublic ? (
          <section class="card info">
            {r.employer || r.post ? (
              <div class="row">
                <span class="row-label">工作</span>
                <span>{[r.employer, r.post].filter(Boolean).join(' ')}</span>
              </div>
            ) : null}
            {r.bio ? <p class="bio">{r.bio}</p> : null}
          </section>
        ) : (
          <section class="card info">
            <p class="muted">该代表未公开个人履职信息，您仍可以直接给代表留言。</p>
          </section>
        )}

        {r.profilePublic ? (
          <a class="card link-card" href={`/p/disclosure/r/${r.publicCode}`}>
            <span class="link-card-title">履职公示</span>
            <span class="link-card-text">{`${r.name}代表每月参加的活动、收到的群众意见和办理情况`}</span>
            <span class="chev" aria-hidden="true">
              ›
            </span>
          </a>
        ) : null}

        {r.stations.length > 0 ? (
          <section>
            <h2 class="section-title">所在代表联络站</h2>
            <ul class="reps">
              {r.stations.map((s) => (
                <li key={s.publicCode}>
                  <a class="rep" href={`/s/${s.publicCode}`}>
                    <span class="rep-name small">{s.name}</span>
                    {s.receptionText ? <span class="rep-level">接待：{s.receptionText.zh}</span> : null}
                    <span class="chev" aria-hidden="true">
                      ›
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {r.published.length > 0 ? (
          <section>
            <h2 class="section-title">办理公开</h2>
            <PublishedList items={r.published} showStation />
          </section>
        ) : null}
      </Compose>
    </Shell>
  );
}
