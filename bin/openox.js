#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so there is no build step between a checkout and a start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
