// The room server's numbers (issue 22), on loopback only, bounded, and stopping by itself:
//   fan-out: a slide change reaching 50 and 300 connected phones (p95, ms)
//   memory: the server's resident memory with 300 idle phones, above the idle server (MiB)
//   votes: 300 votes sent within 1 s: how many were counted, and how soon the result was told
// It runs `careerdeck present` (compiled: npm run compile) on a copy of tests/fixtures/room in a
// temporary folder, and talks to it with Node's http. Usage: node scripts/bench-room.mjs, or
// `import { benchRoom } from './bench-room.mjs'` (for `npm run bench -- --cases room`): it
// resolves with the figures and prints each line through `log`.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POLL = 'poll-which-role-appeals-to-you-most';
const POLL_SLIDE = 6;

/**
 * Measures the room server; resolves with `{ fanOut50, fanOut300, memoryMiB, votes }`
 * (`memoryMiB` undefined without /proc). The server is stopped and its folder removed in all
 * cases, and after `timeoutMs` whatever happens.
 */
export async function benchRoom({ log = console.log, timeoutMs = 120_000 } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-bench-room-'));
  await cp(path.join(ROOT, 'tests/fixtures/room/content'), path.join(dir, 'content'), { recursive: true });
  const server = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin/careerdeck.js'),
      'present',
      'workshop',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--no-open',
      '--no-pdf',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const phones = [];
  // The server goes, and with it every wait on it.
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    server.kill('SIGKILL');
    for (const req of phones) req.destroy();
  }, timeoutMs);
  try {
    return await measure(server, phones, log);
  } catch (error) {
    throw timedOut ? new Error(`bench-room: over ${timeoutMs / 1000} s, stopped`) : error;
  } finally {
    clearTimeout(deadline);
    for (const req of phones) req.destroy();
    server.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(server, phones, log) {
  const { audience, key } = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const a = /^audience: (\S+)$/m.exec(out);
      const r = /^remote: \S+#key=([0-9a-f]{32})$/m.exec(out);
      if (a && r) resolve({ audience: a[1], key: r[1] });
    });
    server.once('exit', (code) => reject(new Error(`present exited with ${code}`)));
  });
  const url = new URL(audience);
  const call = (pathName, { method = 'GET', headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: url.port, path: pathName, method, headers, agent: false },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const command = (body) =>
    call('/api/command', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Room-Key': key },
      body: JSON.stringify(body),
    });

  /** An attendee's stream; calls onEvent(name, data, at) for each event. */
  const connect = (onEvent) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: url.port, path: '/events', agent: false }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          const at = performance.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (event) onEvent(event, data, at);
          }
        });
        resolve(req);
      });
      req.on('error', reject);
      req.end();
      phones.push(req);
    });
  const rss = async () => {
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  };
  const p95 = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  };

  await new Promise((r) => setTimeout(r, 300));
  const idle = await rss();

  // Shared by every phone's stream, whichever round connected it.
  const arrivals = [];
  let sentAt = 0;
  async function fanOut(n, base) {
    while (phones.length < n)
      await connect((event, _data, at) => event === 'slide' && sentAt > 0 && arrivals.push(at - sentAt));
    await new Promise((r) => setTimeout(r, 200));
    const rounds = [];
    for (let round = 0; round < 5; round++) {
      arrivals.length = 0;
      sentAt = performance.now();
      // Slides the room is not on yet: every round is a change.
      await command({ action: 'goto', index: base + (round % 2) });
      const until = Date.now() + 5000;
      while (arrivals.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      rounds.push(...arrivals);
    }
    return { p95: p95(rounds), received: rounds.length, expected: 5 * n };
  }

  const fifty = await fanOut(50, 1);
  log(
    `fan-out to 50 phones: p95 ${fifty.p95.toFixed(1)} ms (${fifty.received}/${fifty.expected} received; target <= 60 ms)`,
  );
  const three = await fanOut(300, 3);
  log(
    `fan-out to 300 phones: p95 ${three.p95.toFixed(1)} ms (${three.received}/${three.expected} received; target <= 250 ms)`,
  );
  await new Promise((r) => setTimeout(r, 500));
  const busy = await rss();
  const memoryMiB = idle !== undefined && busy !== undefined ? busy - idle : undefined;
  if (memoryMiB !== undefined)
    log(
      `memory with 300 idle phones: ${(busy - idle).toFixed(1)} MiB above the idle server (${idle.toFixed(1)} -> ${busy.toFixed(1)} MiB; target <= 100)`,
    );
  else log('memory: not measured (no /proc on this system)');

  // 300 devices: each is given its id first, then the 300 votes go out within one second.
  await command({ action: 'goto', index: POLL_SLIDE });
  const cookies = [];
  for (let i = 0; i < 300; i++) cookies.push(String((await call('/')).headers['set-cookie']).split(';')[0]);
  let lastVoteAt = 0;
  let toldAt = 0;
  await connect((event, data, at) => {
    if (event !== 'poll' || toldAt) return;
    const result = JSON.parse(data).find((r) => r.id === POLL);
    if (result?.total === 300) toldAt = at;
  });
  const started = performance.now();
  const statuses = await Promise.all(
    cookies.map((cookie, i) =>
      new Promise((resolve) => setTimeout(resolve, (i / 300) * 1000)).then(async () => {
        const res = await call('/vote', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify({ poll: POLL, option: i % 3 }),
        });
        lastVoteAt = Math.max(lastVoteAt, performance.now());
        return res.status;
      }),
    ),
  );
  const until = Date.now() + 5000;
  while (!toldAt && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  const ok = statuses.filter((s) => s === 200).length;
  log(
    `300 votes in ${((lastVoteAt - started) / 1000).toFixed(2)} s: ${ok} acknowledged; result of 300 told ${toldAt ? `${(toldAt - lastVoteAt).toFixed(0)} ms after the last vote` : 'never (within 5 s)'} (target: all counted, within 1 s)`,
  );
  for (const req of phones) req.destroy();
  return {
    fanOut50: fifty,
    fanOut300: three,
    memoryMiB,
    votes: { sent: 300, acknowledged: ok, toldMs: toldAt ? toldAt - lastVoteAt : undefined },
  };
}

// Run on its own: `node scripts/bench-room.mjs` (npm run bench:room).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchRoom().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
