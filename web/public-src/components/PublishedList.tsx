/** @jsxImportSource preact */
import { dateText } from '../lib/format.ts';
import { RATING_LABELS, REPLY_RESULT_LABELS } from '../lib/labels.ts';
import { categoryName, useCategories } from '../lib/shared.ts';
import type { PublishedItem } from '../lib/types.ts';

/** Cases the submitters agreed to publish, with the redacted texts staff wrote. */
export function PublishedList({
  items,
  showStation = false,
}: {
  items: PublishedItem[];
  showStation?: boolean;
}) {
  const categories = useCategories();
  if (items.length === 0) return <p class="muted">暂无公开的办理结果。</p>;
  return (
    <ul class="cases">
      {items.map((item) => {
        const category = categoryName(categories, item.categoryCode);
        return (
          <li key={item.id} class="case">
            <p class="case-meta">
              {category ? <span class="tag">{category}</span> : null}
              {showStation && item.stationName ? <span>{item.stationName}</span> : null}
              <span>{dateText(item.publishedAt)}公开</span>
            </p>
            <p class="case-q">
              <b>群众反映：</b>
              {item.content}
            </p>
            <p class="case-a">
              <b>办理答复：</b>
              {item.reply}
            </p>
            <p class="case-meta">
              {item.result ? <span class="tag ok">{REPLY_RESULT_LABELS[item.result].zh}</span> : null}
              {item.rating ? <span class="tag">群众评价：{RATING_LABELS[item.rating].zh}</span> : null}
              {item.unitName ? <span>{item.unitName}</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
