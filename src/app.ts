/**
 * The Fastify application: the single door to the engine. Builds the app from its
 * dependencies so tests and `npm start` assemble exactly the same thing.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config/config.js';
import type { Database } from './database/prisma.js';
import type { EngineClient } from './engine/client.js';
import type { Logger } from './log/logger.js';
import { installErrorHandler } from './http/error-handler.js';
import { installAccessControl } from './identity/access.js';
import { healthRoutes } from './health/routes.js';
import { statusRoutes } from './status/routes.js';
import { demoRoutes } from './demo/routes.js';
import { CalendarService } from './calendar/service.js';
import { calendarRoutes } from './calendar/routes.js';
import { ClockStopService } from './clock-stops/service.js';
import { clockStopRoutes } from './clock-stops/routes.js';
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
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: deps.config.production,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installAccessControl(app, deps.config.admin);

  await app.register(swagger, {
    openapi: {
      info: { title: '阳光政务 Sunshine API', version: '0.1.0', description: '审批与电子招投标编排 / approval and e-tendering orchestration' },
      components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes({ engine: deps.engine, pendingMigrations: deps.pendingMigrations }));
  await app.register(statusRoutes(deps.engine));
  const calendars = new CalendarService(deps.database, { closingTime: deps.config.office.closingTime });
  const clockStops = new ClockStopService(deps.database, deps.engine, calendars);
  await app.register(calendarRoutes(calendars));
  await app.register(clockStopRoutes(clockStops));
  await app.register(demoRoutes({ engine: deps.engine, database: deps.database, calendars, clockStops }));
  await app.register(operatorProxy(deps.engine.baseUrl));
  if (deps.serveWeb ?? true) await app.register(webApp());

  return app;
}
