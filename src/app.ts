/**
 * The Fastify application: the single door to the engine. Builds the app from its
 * dependencies so tests and `npm start` assemble exactly the same thing.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config/config.js';
import type { Database } from './database/prisma.js';
import type { EngineClient } from './engine/client.js';
import type { Logger } from './log/logger.js';
import { installErrorHandler } from './http/error-handler.js';
import { installAccessControl } from './identity/access.js';
import { authRoutes } from './identity/routes.js';
import { adminRoutes } from './identity/admin-routes.js';
import { healthRoutes } from './health/routes.js';
import { statusRoutes } from './status/routes.js';
import { demoRoutes } from './demo/routes.js';
import { applicationRoutes } from './applications/routes.js';
import { CalendarService } from './calendar/service.js';
import { calendarRoutes } from './calendar/routes.js';
import { ClockStopService } from './clock-stops/service.js';
import { clockStopRoutes } from './clock-stops/routes.js';
import { CaseFileService } from './cases/case-file.js';
import { caseRoutes } from './cases/routes.js';
import { InboxService } from './tasks/inbox.js';
import { taskRoutes } from './tasks/routes.js';
import { FormCatalogue } from './tasks/form-catalogue.js';
import { CertificateAuthority } from './pki/authority.js';
import { pkiRoutes } from './pki/routes.js';
import { DocumentService } from './documents/service.js';
import { documentRoutes } from './documents/routes.js';
import { CatalogueService } from './catalogue/service.js';
import { catalogueRoutes } from './catalogue/routes.js';
import { designerRoutes } from './designer/routes.js';
import { operatorProxy } from './engine/operator-proxy.js';
import { webApp } from './web/static.js';

export interface AppDependencies {
  config: Config;
  engine: EngineClient;
  database: Database;
  logger: Logger;
  pendingMigrations: () => Promise<string[]>;
  /** Serve the built browser app (web/dist); off in API-only tests. */
  serveWeb?: boolean;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, engine, database } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: config.production,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  // Only routes that ask for it are limited (login); lockout per account comes on top.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'TOO_MANY_REQUESTS',
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试 / too many attempts, try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  installAccessControl(app, database);

  await app.register(swagger, {
    openapi: {
      info: { title: '阳光政务 Sunshine API', version: '0.1.0', description: '审批与电子招投标编排 / approval and e-tendering orchestration' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sunshine_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const calendars = new CalendarService(database, { closingTime: config.office.closingTime });
  const clockStops = new ClockStopService(database, engine, calendars);
  const caseFiles = new CaseFileService(engine, database, clockStops);
  const forms = new FormCatalogue(engine);
  const ca = new CertificateAuthority(database, config.keyEncryptionKey);
  const documents = new DocumentService(database, ca);

  await app.register(healthRoutes({ engine, pendingMigrations: deps.pendingMigrations }));
  await app.register(statusRoutes(engine));
  await app.register(authRoutes(database, { secureCookie: config.production, loginRateLimit: config.loginRateLimit }));
  await app.register(adminRoutes(database));
  await app.register(calendarRoutes(calendars));
  await app.register(clockStopRoutes({ engine, database, clockStops }));
  await app.register(caseRoutes(engine, database, caseFiles));
  await app.register(taskRoutes({ engine, database, inbox: new InboxService(engine, database, calendars), formFields: (definitionId, key) => forms.fields(definitionId, key) }));
  await app.register(demoRoutes({ engine, database, calendars }));
  await app.register(pkiRoutes(database, ca));
  const catalogue = new CatalogueService(database);
  await app.register(catalogueRoutes(catalogue));
  await app.register(applicationRoutes({ engine, database, calendars, catalogue }));
  await app.register(documentRoutes({ engine, database, documents }));
  await app.register(designerRoutes({ engine, database }));
  await app.register(operatorProxy(engine.baseUrl));
  if (deps.serveWeb ?? true) await app.register(webApp());

  return app;
}
