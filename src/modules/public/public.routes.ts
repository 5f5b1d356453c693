/**
 * HTTP of the public pages (no sign-in, rate-limited per IP) and of the staff's poster and QR
 * downloads. `publicRoutes` mounts under /api/v1; `qrRoutes` serves the images at /qr/… so that
 * their addresses are short and cacheable.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import {
  PublicCodeParams,
  PublicHeadline,
  PublicRepresentativePage,
  PublicStationPage,
} from '../opinions/public.schema.ts';
import { privacyNotice } from './privacy.ts';
import { PrivacyNotice, PublicCategory, PublishedPage, PublishedQuery } from './public.schema.ts';
import {
  headline,
  publicCategories,
  publishedCases,
  qrImage,
  representativePage,
  representativeQrDownload,
  stationPage,
  stationPoster,
} from './public.service.ts';

/** Reads per IP per minute on the public pages: a family on one phone never meets it, a scraper does. */
export const PUBLIC_READS_PER_MINUTE = 120;
const publicAccess = {
  access: 'public' as const,
  rateLimit: { max: PUBLIC_READS_PER_MINUTE, timeWindow: '1 minute' },
};

/** Pages change when staff edit a station; a minute of caching spares the server a crowd at a reception day. */
const SHORT_CACHE = 'public, max-age=60';
const LONG_CACHE = 'public, max-age=3600';
/** A public code never changes, so its image may be kept for a month (not "immutable": the base URL might). */
const QR_CACHE = 'public, max-age=2592000';

export function publicRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['public'];
    app.get(
      '/public/stations/:code',
      {
        config: publicAccess,
        schema: {
          tags,
          summary:
            'A station behind a QR code: schedule, public roster, published cases (retired: successor)',
          params: PublicCodeParams,
          response: { 200: PublicStationPage },
        },
      },
      async (req, reply) => {
        const page = await stationPage(ctx, req.params.code);
        return reply.header('cache-control', SHORT_CACHE).send(page);
      },
    );
    app.get(
      '/public/representatives/:code',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: "A representative's public page (a private profile shows the name only)",
          params: PublicCodeParams,
          response: { 200: PublicRepresentativePage },
        },
      },
      async (req, reply) => {
        const page = await representativePage(ctx, req.params.code);
        return reply.header('cache-control', SHORT_CACHE).send(page);
      },
    );
    app.get(
      '/public/published',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Published cases, redacted, newest first (of one station with stationCode)',
          querystring: PublishedQuery,
          response: { 200: PublishedPage },
        },
      },
      async (req, reply) => {
        const page = await publishedCases(ctx, req.query);
        return reply.header('cache-control', SHORT_CACHE).send(page);
      },
    );
    app.get(
      '/public/headline',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'The headline numbers of the whole deployment (DESIGN.md §5)',
          response: { 200: PublicHeadline },
        },
      },
      async (_req, reply) => reply.header('cache-control', SHORT_CACHE).send(await headline(ctx)),
    );
    app.get(
      '/public/categories',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'The level-1 categories a citizen may choose from',
          response: { 200: Type.Array(PublicCategory) },
        },
      },
      async (_req, reply) => reply.header('cache-control', LONG_CACHE).send(await publicCategories(ctx)),
    );
    app.get(
      '/public/privacy-notice',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'The privacy notice a submission consents to, with its version',
          response: { 200: PrivacyNotice },
        },
      },
      async (_req, reply) => reply.header('cache-control', LONG_CACHE).send(privacyNotice()),
    );

    app.get(
      '/stations/:id/poster',
      {
        config: { access: 'org.read' },
        schema: {
          tags: ['org'],
          summary: "The station's A4 poster with its QR code (HTML for printing)",
          params: IdParams,
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const html = await stationPoster(ctx, actorOf(req), req.params.id);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
      },
    );
    app.get(
      '/representatives/:id/qr.png',
      {
        config: { access: 'org.read' },
        schema: {
          tags: ['org'],
          summary: "The representative's QR code as a PNG to download",
          params: IdParams,
          produces: ['image/png'],
        },
      },
      async (req, reply) => {
        const file = await representativeQrDownload(ctx, actorOf(req), req.params.id);
        return reply
          .type('image/png')
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="representative-qr.png"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.png);
      },
    );
  };
}

/** GET /qr/s/<code>.svg|.png and /qr/r/<code>.svg|.png: the codes themselves, for anyone. */
export function qrRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const kind of ['s', 'r'] as const) {
      for (const format of ['svg', 'png'] as const) {
        app.get(
          `/qr/${kind}/:code.${format}`,
          {
            config: publicAccess,
            schema: {
              tags: ['public'],
              summary: `The QR code of a ${kind === 's' ? 'station' : 'representative'} as ${format.toUpperCase()}`,
              params: PublicCodeParams,
              produces: [format === 'svg' ? 'image/svg+xml' : 'image/png'],
            },
          },
          async (req, reply) => {
            const body = await qrImage(ctx, kind, req.params.code, format);
            return reply
              .type(format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png')
              .header('cache-control', QR_CACHE)
              .send(body);
          },
        );
      }
    }
  };
}
