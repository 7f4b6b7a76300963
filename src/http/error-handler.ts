/**
 * Maps every failure to the API error format. Bad input becomes a 400 that names the
 * field and the rule; engine problems become 4xx/5xx with a clear message; anything
 * unexpected is logged with its stack and answered without one.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DeploymentParseError, EngineConflictError, EngineError, EngineNotFoundError, EngineUnavailableError } from '../engine/errors.js';
import { ApiError } from './api-error.js';
import { MissingYearError } from '../calendar/working-calendar.js';
import { HolidayDataError } from '../calendar/year-data.js';
import { PlanError } from '../deadlines/plan.js';

function fromEngine(error: EngineError): ApiError {
  if (error instanceof DeploymentParseError) {
    return new ApiError(400, 'BPMN_INVALID', '流程图解析失败', 'the BPMN diagram could not be parsed', {
      errors: error.errors,
      warnings: error.warnings,
    });
  }
  if (error instanceof EngineUnavailableError) {
    return new ApiError(503, 'ENGINE_UNAVAILABLE', '流程引擎暂不可用，请稍后重试', 'the process engine is unavailable, try again shortly');
  }
  if (error instanceof EngineNotFoundError) {
    return new ApiError(404, 'NOT_FOUND', '对象不存在或已结束', 'not found, or already finished', { engine: error.message });
  }
  if (error instanceof EngineConflictError) {
    return new ApiError(409, 'CONFLICT', '数据已被他人修改，请刷新后重试', 'changed concurrently; reload and try again', { engine: error.message });
  }
  if (error.status >= 400 && error.status < 500) {
    return new ApiError(400, 'ENGINE_REJECTED', '流程引擎拒绝了该操作', 'the process engine rejected the request', { engine: error.message });
  }
  return new ApiError(502, 'ENGINE_ERROR', '流程引擎出错', 'the process engine failed', { engine: error.message });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext ?? 'request';
      const details = error.validation.map((issue) => ({
        field: `${where}${issue.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
        rule: issue.keyword,
        message: issue.message,
      }));
      const summary = details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
      return reply.status(400).send({ error: 'VALIDATION_FAILED', message: `请求参数无效 / invalid request: ${summary}`, details });
    }
    if (error instanceof ApiError) return reply.status(error.statusCode).send(error.toBody());
    if (error instanceof MissingYearError) {
      // Never guess a year's holidays: the administrator has to load the notice first.
      return reply.status(422).send({ error: 'CALENDAR_YEAR_MISSING', message: error.message, details: { year: error.year } });
    }
    if (error instanceof HolidayDataError || error instanceof PlanError) {
      return reply.status(400).send({ error: 'INVALID_DATA', message: error.message });
    }
    if (error instanceof EngineError) {
      const mapped = fromEngine(error);
      request.log[mapped.statusCode >= 500 ? 'error' : 'info']({ err: error }, 'engine error');
      return reply.status(mapped.statusCode).send(mapped.toBody());
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, unsupported media type).
      return reply.status(status).send({ error: (error as FastifyError).code ?? 'BAD_REQUEST', message: `请求无效 / ${error.message}` });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'INTERNAL', message: '服务器内部错误，已记录 / internal error, it has been logged' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: 'NOT_FOUND', message: `接口不存在 / no such route: ${request.method} ${request.url.split('?')[0]}` });
  });
}
