// A Server-Sent Events reader over fetch, for the remote and the presenter's deck: unlike
// EventSource it can send the room's key in a header (never in the address, never in a cookie).
// Reconnects by itself; stops for good on 403 (a wrong key will not become right).
/* exported careerdeckRoomStream */
window.careerdeckRoomStream = function careerdeckRoomStream(url, key, onEvent, onStatus) {
  let stopped = false;
  const run = async () => {
    while (!stopped) {
      try {
        const res = await fetch(url, { headers: { 'X-Room-Key': key }, cache: 'no-store' });
        if (res.status === 403) {
          onStatus('forbidden');
          return;
        }
        if (!res.ok || !res.body) throw new Error(`status ${res.status}`);
        onStatus('live');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (data) onEvent(event, JSON.parse(data));
          }
        }
      } catch {
        // Told below; tried again.
      }
      if (stopped) return;
      onStatus('offline');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  void run();
  return () => (stopped = true);
};

// The key from `#key=...`, taken at once (this script loads before the deck's, whose reveal.js
// rewrites the address's hash): kept for this tab only, then taken out of the address bar.
{
  const match = /(?:^#|&)key=([0-9a-f]{32})(?:&|$)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('careerdeck-room:key', match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
}
window.careerdeckRoomKey = () => sessionStorage.getItem('careerdeck-room:key');

/** POSTs JSON with the key; resolves with the parsed answer and the status. */
window.careerdeckRoomPost = async function careerdeckRoomPost(url, key, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Room-Key': key },
    body: JSON.stringify(body),
    // A request the network holds is given up, not left to hold back every later one.
    signal: AbortSignal.timeout ? AbortSignal.timeout(5000) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
};

// The words of the remote and the presenter's deck in the deck's language: a JSON block the room
// server wrote into the page (src/room/text.ts). `careerdeckRoomText('votes', { count: 3 })`.
{
  let words;
  let numbers;
  window.careerdeckRoomText = function careerdeckRoomText(key, values = {}) {
    words ??= JSON.parse(document.getElementById('room-text')?.textContent || '{}');
    if (!numbers) {
      try {
        numbers = new Intl.NumberFormat(document.documentElement.lang || 'en');
      } catch {
        numbers = new Intl.NumberFormat('en');
      }
    }
    return (words[key] ?? key).replace(/\{(\w+)\}/g, (slot, name) =>
      name in values ? (typeof values[name] === 'number' ? numbers.format(values[name]) : String(values[name])) : slot,
    );
  };
}
