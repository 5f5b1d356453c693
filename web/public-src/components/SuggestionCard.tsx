/** @jsxImportSource preact */
import { dateText } from '../lib/format.ts';
import { navigate } from '../lib/router.ts';
import { categoryName, useCategories } from '../lib/shared.ts';
import type { PublicSuggestionItem } from '../lib/types.ts';

/** The evaluation's colour: 满意 green, 基本满意 amber, 不满意 red. */
export function ratingTone(rating: string | null): string {
  if (rating === 'satisfied') return 'ok';
  if (rating === 'basically_satisfied') return 'mid';
  if (rating === 'unsatisfied') return 'bad';
  return '';
}

/** 'A类（已解决或基本解决）' → ['A类', '已解决或基本解决'], to show the letter big and the words beside it. */
export function splitClassLabel(label: string): [string, string] {
  const m = /^(.+?类)（(.+)）$/.exec(label);
  return m ? [m[1]!, m[2]!] : [label, ''];
}

/** One published suggestion in the list; the whole card opens it. */
export function SuggestionCard({ item }: { item: PublicSuggestionItem }) {
  const categories = useCategories();
  const category = categoryName(categories, item.categoryCode);
  const href = `/p/suggestions/${item.id}`;
  const [cls, clsWords] = item.replyClassLabel ? splitClassLabel(item.replyClassLabel) : ['', ''];
  return (
    <a
      class="sug"
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        // The case page's "返回" goes back in history (to the same place in the list) when it came from here.
        navigate(href, { state: { fromList: true } });
      }}
    >
      <span class="sug-top">
        {item.caseLabel ? <span class="case-no">{item.caseLabel}</span> : null}
        {item.kind === 'motion' ? <span class="tag">议案</span> : null}
        {category ? <span class="tag">{category}</span> : null}
      </span>
      <span class="sug-date">
        {item.sessionLabel} · {dateText(item.publishedAt)}公开
      </span>
      <span class="sug-title">{item.title}</span>
      {item.excerpt ? <span class="sug-excerpt">{item.excerpt}</span> : null}
      <span class="sug-who">
        领衔代表 <b>{item.lead}</b>
        {item.cosignerCount > 0 ? `，附议 ${item.cosignerCount} 人` : ''}
      </span>
      {item.leadUnit ? (
        <span class="sug-who">
          承办单位 <b>{item.leadUnit}</b>
        </span>
      ) : null}
      <span class="sug-result">
        {item.replyClass ? (
          <span class={`cls-tag c-${item.replyClass}`}>
            <b>{cls}</b> {clsWords}
          </span>
        ) : null}
        {item.evaluationLabel ? (
          <span class={`rate-tag ${ratingTone(item.evaluation)}`}>代表评价：{item.evaluationLabel}</span>
        ) : null}
      </span>
      <span class="sug-more" aria-hidden="true">
        查看建议和答复 ›
      </span>
    </a>
  );
}
