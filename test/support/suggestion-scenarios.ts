/**
 * Suggestions driven through HTTP to the states a test needs, step by step as the people in them
 * take them: the lead representative drafts and submits, the staff register and assign, the lead
 * unit signs, logs a contact and replies, the lead evaluates. Each step fails the test with the
 * server's answer when it is refused.
 */
import type { Caller } from './opinion-fixtures.ts';
import { expectStatus } from './org-fixtures.ts';

type Detail = { id: number; status: string; commitments: { id: number; content: string }[] };

export interface DraftOptions {
  congressId: number;
  title?: string;
  categoryCode?: string;
}

/** A complete suggestion submitted by `lead`. */
export async function submittedCase(lead: Caller, o: DraftOptions): Promise<number> {
  const v = await expectStatus<Detail>(
    lead.post('/api/v1/suggestions', {
      kind: 'suggestion',
      congressId: o.congressId,
      period: 'session',
      sessionNumber: 3,
      title: o.title ?? '关于加快老旧小区加装电梯的建议',
      categoryCode: o.categoryCode ?? 'housing',
      background: '辖区内老旧小区多为六层无电梯住宅，老年住户上下楼困难。',
      proposals: '一、简化审批流程；二、加大财政补贴；三、建立长效维护机制。',
    }),
    201,
  );
  await expectStatus(lead.post(`/api/v1/suggestions/${v.id}/submit`, {}), 200);
  return v.id;
}

export async function registerCase(staff: Caller, id: number): Promise<void> {
  await expectStatus(staff.post(`/api/v1/suggestions/${id}/register`, {}), 200);
}

export interface Assignment {
  leadUnitId: number;
  coUnitIds?: number[];
  keySupervision?: boolean;
}

/** 交办 to the lead unit (and co-units), then the lead unit signs. */
export async function assignAndSign(staff: Caller, unit: Caller, id: number, a: Assignment): Promise<void> {
  await expectStatus(staff.post(`/api/v1/suggestions/${id}/assign`, a), 200);
  await expectStatus(unit.post(`/api/v1/suggestions/${id}/sign`, {}), 200);
}

export interface Reply {
  replyClass: 'A' | 'B' | 'C';
  commitments?: { content: string; dueDate?: string }[];
}

/** The lead unit logs a contact with the representative (dated `today`), then replies. */
export async function contactAndReply(unit: Caller, id: number, today: string, r: Reply): Promise<Detail> {
  await expectStatus(
    unit.post(`/api/v1/suggestions/${id}/contacts`, {
      contactedOn: today,
      means: 'visit',
      summary: '登门听取代表意见，介绍办理工作安排。',
    }),
    200,
  );
  return expectStatus<Detail>(
    unit.post(`/api/v1/suggestions/${id}/reply`, {
      replyClass: r.replyClass,
      documentNumber: `东政函〔2026〕${id}号`,
      signer: '张局长',
      body: `关于第${id}件建议的答复。`,
      ...(r.commitments ? { commitments: r.commitments } : {}),
    }),
    200,
  );
}

type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** The lead representative evaluates the latest reply; returns the case as it then stands. */
export async function evaluateCase(
  lead: Caller,
  id: number,
  attitude: Rating,
  result: Rating,
): Promise<Detail> {
  return expectStatus<Detail>(lead.post(`/api/v1/suggestions/${id}/evaluate`, { attitude, result }), 200);
}

/** A commitment reported done by the unit. */
export async function commitmentDone(unit: Caller, commitmentId: number): Promise<void> {
  await expectStatus(
    unit.post(`/api/v1/suggestions/commitments/${commitmentId}/progress`, { note: '已全部完成', done: true }),
    200,
  );
}
