/** `npm start`: run everything, print where it is, stop cleanly on Ctrl-C. */
import { loadConfig } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { startSystem } from '../system/start.js';

export async function startCommand(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const system = await startSystem(config, logger);

  const lines = [
    '',
    '阳光政务 Sunshine 已启动 / is running',
    `  网页 / web app           ${system.apiUrl}/`,
    `  接口文档 / API docs       ${system.apiUrl}/docs`,
    `  运维控制台 / Cockpit      ${system.apiUrl}/camunda/`,
  ];
  if (config.demo) {
    lines.push(
      '',
      '演示账号（仅开发环境）/ demo accounts (development only):',
      `  系统管理员 / administrator        ${config.admin.user} / ${config.admin.password}`,
      `  引擎运维 / engine operator (Cockpit) ${config.engine.adminUser} / ${config.engine.adminPassword}`,
      `  演示用户密码 / demo users' password  ${config.demo.password}`,
    );
    if (system.seededUsers.length > 0) {
      lines.push('  演示用户（首次启动创建）/ demo users (created on this first start):');
      for (const user of system.seededUsers) lines.push(`    ${user.username.padEnd(26)} ${user.roles.join(',').padEnd(11)} ${user.departmentCode ?? '—'}`);
    } else {
      lines.push('  演示用户：designer, window-clerk, <部门>-reviewer, <部门>-head, supervisor … (see README)');
    }
    lines.push(`  (stored in ${config.dataDir}/dev-secrets.json)`);
  }
  lines.push('', '按 Ctrl-C 停止 / press Ctrl-C to stop', '');
  process.stdout.write(lines.join('\n'));

  await new Promise<void>((resolve) => {
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, '正在停止 / shutting down');
      await system.stop();
      logger.info('已停止 / stopped');
      resolve();
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });
}
