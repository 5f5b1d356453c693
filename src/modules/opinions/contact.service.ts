/**
 * POST /opinions/:id/contact/reveal: the submitter's name and phone in clear, for congress staff
 * and liaison officers in scope and the unit handling the item. Every reveal is audited (who, which
 * item, what was shown) before the answer leaves. An anonymous submitter's name is never kept, so
 * it is never shown.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import { loadVisible, mayRevealContact } from './opinions.queries.ts';

export async function revealContact(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ name: string | null; phone: string | null }> {
  const { loaded, kinds } = await loadVisible(ctx, actor, id);
  if (!mayRevealContact(actor, kinds)) {
    throw new AppError('FORBIDDEN', {
      zh: '只有辖区的代表工委、联络员和正在办理的承办单位可以查看联系方式',
      en: 'Only the staff and officers of the jurisdiction and the unit handling the item may see the contact',
    });
  }
  const o = loaded.row;
  const name =
    o.anonymous === 1 || o.submitter_name_enc === null ? null : ctx.cipher.decrypt(o.submitter_name_enc);
  const phone = o.submitter_phone_enc === null ? null : ctx.cipher.decrypt(o.submitter_phone_enc);
  await recordAuditAlone(ctx, actor, {
    action: 'opinion.reveal_contact',
    entityType: 'opinion',
    entityId: id,
    jurisdictionId: o.jurisdiction_id,
    detail: { trackingCode: o.tracking_code, as: kinds, name: name !== null, phone: phone !== null },
  });
  return { name, phone };
}
