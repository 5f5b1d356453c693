/** HTTP: activities — list, one activity, its people and outputs, leave, attendance, check-in, types. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { Id, IdParams } from '../../platform/http/schemas.ts';
import { qrPng, qrSvg } from '../public/qr.ts';
import {
  activityPhoto,
  checkinCodeOf,
  checkinUrl,
  getActivity,
  listActivities,
  listActivityTypes,
  saveActivityType,
} from './activities.queries.ts';
import {
  ActivityDetail,
  ActivityListQuery,
  ActivityPage,
  ActivityTypeBody,
  ActivityTypeView,
  AttendanceBody,
  CheckinParams,
  CheckinView,
  CreateActivityBody,
  InviteBody,
  LeaveDecisionBody,
  OutputBody,
  ParticipantParams,
  PhotoBody,
  ReasonBody,
  UpdateActivityBody,
} from './activities.schema.ts';
import {
  addOutput,
  addPhotos,
  closeActivity,
  createActivity,
  decideLeave,
  inviteParticipants,
  participantSelfStep,
  recordAttendance,
  removeParticipant,
  updateActivity,
} from './activities.service.ts';
import { checkIn, activityByCheckinCode } from './checkin.service.ts';

export function activityRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['activities'];
    const detail = { 200: ActivityDetail };
    app.get(
      '/activities',
      {
        config: { access: 'activities.read' },
        schema: {
          tags,
          summary: 'Activities the caller sees (a calendar range, filters, or their own)',
          querystring: ActivityListQuery,
          response: { 200: ActivityPage },
        },
      },
      (req) => listActivities(ctx, actorOf(req), req.query),
    );
    app.get(
      '/activities/types',
      {
        config: { access: 'activities.read' },
        schema: {
          tags,
          summary: 'Activity types (all=true: inactive ones too)',
          querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Type.Array(ActivityTypeView) },
        },
      },
      (req) => listActivityTypes(ctx, req.query.all === true),
    );
    app.put(
      '/activities/types',
      {
        config: { access: 'activities.configure' },
        schema: {
          tags,
          summary: 'Add or change an activity type',
          body: ActivityTypeBody,
          response: { 200: Type.Array(ActivityTypeView) },
        },
      },
      (req) => {
        const actor = actorOf(req);
        if (actor.jurisdictionPath.split('/').filter(Boolean).length > 1)
          throw new AppError('FORBIDDEN', {
            zh: '活动类型由最上级人大代表工委维护',
            en: 'The activity types are kept at the top of the tree',
          });
        return saveActivityType(ctx, actor, req.body);
      },
    );
    app.get(
      '/activities/checkin/:code',
      {
        config: { access: 'activities.participate' },
        schema: {
          tags,
          summary: 'What a check-in code is for (the QR page shows it before checking in)',
          params: CheckinParams,
        },
      },
      async (req) => {
        const a = await activityByCheckinCode(ctx, req.params.code);
        return {
          id: a.row.id,
          title: a.row.title,
          startsAt: a.row.starts_at,
          endsAt: a.row.ends_at,
          place: a.row.place,
        };
      },
    );
    app.post(
      '/activities/checkin/:code',
      {
        config: { access: 'activities.participate' },
        schema: {
          tags,
          summary:
            'Check in by the activity’s QR code (the signed-in representative; a second scan changes nothing)',
          params: CheckinParams,
          response: { 200: CheckinView },
        },
      },
      async (req) => {
        const r = await checkIn(ctx, actorOf(req), req.params.code, req.headers['user-agent']);
        const types = await listActivityTypes(ctx, true);
        return {
          activity: {
            id: r.activity.row.id,
            title: r.activity.row.title,
            typeLabel:
              types.find((t) => t.code === r.activity.row.type_code)?.labelZh ?? r.activity.row.type_code,
            startsAt: r.activity.row.starts_at,
            endsAt: r.activity.row.ends_at,
            place: r.activity.row.place,
          },
          checkedInAt: r.checkedInAt,
          first: r.first,
        };
      },
    );
    app.post(
      '/activities',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Create an activity and invite its representatives',
          body: CreateActivityBody,
          response: { 201: ActivityDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await createActivity(ctx, actor, req.body);
        return reply.status(201).send(await getActivity(ctx, actor, id));
      },
    );
    app.get(
      '/activities/:id',
      {
        config: { access: 'activities.read' },
        schema: { tags, summary: 'One activity', params: IdParams, response: detail },
      },
      (req) => getActivity(ctx, actorOf(req), req.params.id),
    );
    app.patch(
      '/activities/:id',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Change times, place, agenda or minutes',
          params: IdParams,
          body: UpdateActivityBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await updateActivity(ctx, actor, req.params.id, req.body);
        return getActivity(ctx, actor, req.params.id);
      },
    );
    for (const [path, to] of [
      ['cancel', 'cancelled'],
      ['delete', 'deleted'],
    ] as const) {
      app.post(
        `/activities/:id/${path}`,
        {
          config: { access: 'activities.manage' },
          schema: {
            tags,
            summary: `${path === 'cancel' ? 'Cancel' : 'Delete'} the activity (with a reason; its points go)`,
            params: IdParams,
            body: ReasonBody,
            response: detail,
          },
        },
        async (req) => {
          const actor = actorOf(req);
          await closeActivity(ctx, actor, req.params.id, to, req.body.reason);
          return getActivity(ctx, actor, req.params.id);
        },
      );
    }
    app.post(
      '/activities/:id/participants',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Invite representatives',
          params: IdParams,
          body: InviteBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await inviteParticipants(
          ctx,
          actor,
          req.params.id,
          req.body.representativeIds,
          req.body.role ?? 'participant',
        );
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.delete(
      '/activities/:id/participants/:representativeId',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Take a representative off the list',
          params: ParticipantParams,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await removeParticipant(ctx, actor, req.params.id, req.params.representativeId);
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/activities/:id/participants/:representativeId/leave',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Approve or refuse a leave request',
          params: ParticipantParams,
          body: LeaveDecisionBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await decideLeave(
          ctx,
          actor,
          req.params.id,
          req.params.representativeId,
          req.body.approve,
          req.body.note,
        );
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/activities/:id/sign-up',
      {
        config: { access: 'activities.participate' },
        schema: { tags, summary: 'The invited representative signs up', params: IdParams, response: detail },
      },
      async (req) => {
        const actor = actorOf(req);
        await participantSelfStep(ctx, actor, req.params.id, 'sign_up');
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/activities/:id/leave',
      {
        config: { access: 'activities.participate' },
        schema: {
          tags,
          summary: 'The invited representative asks for leave (请假), with the reason',
          params: IdParams,
          body: ReasonBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await participantSelfStep(ctx, actor, req.params.id, 'request_leave', req.body.reason);
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/activities/:id/attendance',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Record attendance by hand (补登), with the reason',
          params: IdParams,
          body: AttendanceBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await recordAttendance(ctx, actor, req.params.id, req.body);
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/activities/:id/outputs',
      {
        config: { access: 'activities.manage' },
        schema: {
          tags,
          summary: 'Link a suggestion formed at the activity, or a report written from it',
          params: IdParams,
          body: OutputBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await addOutput(ctx, actor, req.params.id, req.body);
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/activities/:id/photos',
      {
        config: { access: 'activities.manage' },
        bodyLimit: 80 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Add photos of the activity (checked by content)',
          params: IdParams,
          body: PhotoBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await addPhotos(ctx, actor, req.params.id, req.body.photos);
        return getActivity(ctx, actor, req.params.id);
      },
    );
    app.get(
      '/activities/:id/photos/:photoId',
      {
        config: { access: 'activities.read' },
        schema: {
          tags,
          summary: 'A photo of the activity',
          params: Type.Object({ id: Id, photoId: Id }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const p = await activityPhoto(ctx, actorOf(req), req.params.id, req.params.photoId);
        return reply
          .header('content-type', p.mime)
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(p.data));
      },
    );
    for (const format of ['svg', 'png'] as const) {
      app.get(
        `/activities/:id/qr.${format}`,
        {
          config: { access: 'activities.manage' },
          schema: {
            tags,
            summary: `The activity’s check-in QR code (${format.toUpperCase()})`,
            params: IdParams,
          },
        },
        async (req, reply) => {
          const code = await checkinCodeOf(ctx, actorOf(req), req.params.id);
          const url = checkinUrl(ctx, code);
          return format === 'svg'
            ? reply
                .header('content-type', 'image/svg+xml')
                .header('cache-control', 'no-store')
                .send(await qrSvg(url))
            : reply
                .header('content-type', 'image/png')
                .header('cache-control', 'no-store')
                .send(await qrPng(url));
        },
      );
    }
  };
}
