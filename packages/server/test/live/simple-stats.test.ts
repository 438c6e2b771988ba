import { Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const apps: TestApp[] = [];

async function start(env: NodeJS.ProcessEnv): Promise<TestApp> {
  const pulse = await startTestApp(env, { listen: false });
  apps.push(pulse);
  return pulse;
}

afterEach(async () => {
  for (const pulse of apps.splice(0)) await pulse.close();
});

describe('/simple-stats', () => {
  it('is a page with no inline script or style, loading its own script and styles', async () => {
    const pulse = await start({ DISABLE_AUTH: 'true' });
    const page = await pulse.app.http.inject({ method: 'GET', url: '/simple-stats' });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script src="/simple-stats.js" defer></script>');
    expect(page.body).toContain('<link rel="stylesheet" href="/simple-stats.css" />');
    expect(page.body).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/i);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves a script that parses, reads the real state fields and never writes HTML', async () => {
    const pulse = await start({ DISABLE_AUTH: 'true' });
    const script = await pulse.app.http.inject({ method: 'GET', url: '/simple-stats.js' });
    const styles = await pulse.app.http.inject({ method: 'GET', url: '/simple-stats.css' });

    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(styles.headers['content-type']).toMatch(/^text\/css/);
    expect(() => new Script(script.body)).not.toThrow();
    for (const field of ['networkIn', 'networkOut', 'diskRead', 'diskWrite', 'memory', 'vmid']) {
      expect(script.body).toContain(field);
    }
    expect(script.body).toContain("location.protocol === 'https:' ? 'wss:' : 'ws:'");
    expect(script.body).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('needs a login for the page and its script, like the WebSocket it opens', async () => {
    const pulse = await start({
      PULSE_AUTH_USER: 'admin',
      PULSE_AUTH_PASS: 'correct-horse-battery-9',
    });

    const page = await pulse.app.http.inject({ method: 'GET', url: '/simple-stats' });
    const script = await pulse.app.http.inject({ method: 'GET', url: '/simple-stats.js' });

    expect(page.statusCode).toBe(401);
    expect(script.statusCode).toBe(401);
  });
});
