/** Schemas of the audit log query and chain verification. */
import { Type, type Static } from 'typebox';
import { Nullable, Page, PagingQuery } from '../../platform/http/schemas.ts';

export const AuditQuery = Type.Object(
  {
    ...PagingQuery,
    from: Type.Optional(Type.String({ title: '开始时间', format: 'date-time' })),
    to: Type.Optional(Type.String({ title: '结束时间', format: 'date-time' })),
    actor: Type.Optional(Type.String({ title: '操作人', maxLength: 64 })),
    action: Type.Optional(Type.String({ title: '操作', maxLength: 64 })),
    entityType: Type.Optional(Type.String({ title: '对象类型', maxLength: 32 })),
    entityId: Type.Optional(Type.String({ title: '对象编号', maxLength: 64 })),
    success: Type.Optional(Type.Boolean({ title: '是否成功' })),
    ip: Type.Optional(Type.String({ title: 'IP 地址', maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable(Type.Integer()),
  actorUsername: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  jurisdictionId: Nullable(Type.Integer()),
  success: Type.Boolean(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export const AuditPage = Page(AuditEntryView);

export const ChainReportView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  headSeq: Type.Integer(),
  problem: Type.Optional(
    Type.Object({
      kind: Type.String(),
      seq: Type.Optional(Type.Integer()),
      expectedSeq: Type.Optional(Type.Integer()),
      foundSeq: Type.Optional(Type.Integer()),
    }),
  ),
});
