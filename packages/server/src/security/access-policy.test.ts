import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../http/route.ts';
import { canonicalPath, requiredAccess } from './access-policy.ts';

const catchAll = { url: '/*', access: 'public' } as RouteDefinition;

describe('requiredAccess', () => {
  it('sees through spelling tricks on API paths', () => {
    expect(canonicalPath('/API/%2573tate;.js?x=1')).toBe('/api/state');
    expect(canonicalPath('//api\\security//audit')).toBe('/api/security/audit');
  });

  it('keeps the web app public but not API paths that fall through to it', () => {
    expect(requiredAccess(catchAll, '/settings/security')).toBe('public');
    expect(requiredAccess(catchAll, '/assets/index-abc.js')).toBe('public');
    expect(requiredAccess(catchAll, '/API/state')).toBe('read');
    expect(requiredAccess(catchAll, '/%61pi/state.css')).toBe('read');
    expect(requiredAccess(catchAll, '/ws;x')).toBe('read');
    expect(requiredAccess(undefined, '/anything')).toBe('read');
  });
});
