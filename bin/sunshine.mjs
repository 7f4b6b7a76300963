#!/usr/bin/env node
// The project's command (`npx sunshine …`). Sources are TypeScript, run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
