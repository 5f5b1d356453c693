/** HTTP: liaison stations and their rosters. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import { MemberParams } from './groups.schema.ts';
import {
  AddMemberBody,
  CreateStationBody,
  SetStationMembersBody,
  StationListQuery,
  StationPage,
  StationView,
  UpdateStationBody,
} from './stations.schema.ts';
import {
  addStationMember,
  createStation,
  deleteStation,
  getStation,
  listStations,
  removeStationMember,
  setStationMembers,
  updateStation,
} from './stations.service.ts';

export function stationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/stations',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List liaison stations',
          querystring: StationListQuery,
          response: { 200: StationPage },
        },
      },
      (req) => listStations(ctx, actorOf(req), req.query),
    );
    app.get(
      '/stations/:id',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'One station with roster, sub-stations and next reception days',
          params: IdParams,
          response: { 200: StationView },
        },
      },
      (req) => getStation(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/stations',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Add a station (its public QR code is generated)',
          body: CreateStationBody,
          response: { 201: StationView },
        },
      },
      async (req, reply) => reply.status(201).send(await createStation(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/stations/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Edit a station',
          params: IdParams,
          body: UpdateStationBody,
          response: { 200: StationView },
        },
      },
      (req) => updateStation(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/stations/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete an empty station (otherwise retire it)',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteStation(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.put(
      '/stations/:id/members',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Replace the roster',
          params: IdParams,
          body: SetStationMembersBody,
          response: { 200: StationView },
        },
      },
      (req) => setStationMembers(ctx, actorOf(req), req.params.id, req.body.representativeIds),
    );
    app.post(
      '/stations/:id/members',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Add one representative',
          params: IdParams,
          body: AddMemberBody,
          response: { 200: StationView },
        },
      },
      (req) => addStationMember(ctx, actorOf(req), req.params.id, req.body.representativeId),
    );
    app.delete(
      '/stations/:id/members/:representativeId',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Remove one representative',
          params: MemberParams,
          response: { 200: StationView },
        },
      },
      (req) => removeStationMember(ctx, actorOf(req), req.params.id, req.params.representativeId),
    );
  };
}
