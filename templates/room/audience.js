// The audience page's script: follows the presenter over Server-Sent Events, pages back on the
// attendee's own and "back to live", votes and asks without reloading. Without it the page still
// works: it shows the slide it was served with, and its forms post and come back.
(() => {
  const status = document.getElementById('room-status');
  const pager = document.getElementById('room-pager');
  const prev = document.getElementById('room-prev');
  const next = document.getElementById('room-next');
  const liveButton = document.getElementById('room-live');
  const list = document.getElementById('room-question-list');
  const ask = document.getElementById('room-ask');
  let live = undefined;
  /** The slide shown while paging back on one's own; undefined while following the presenter. */
  let viewing = undefined;
  let mine = {};
  let results = [];
  let connected = false;

  // The page's words in the deck's language: a JSON block the server wrote (src/room/text.ts).
  const words = JSON.parse(document.getElementById('room-text')?.textContent || '{}');
  // Its waits, from the room's own options (src/room/timing.ts), never from the address.
  const timing = JSON.parse(document.getElementById('room-timing')?.textContent || '{}');
  const reconnectMs = Number(timing.reconnectMs) > 0 ? Number(timing.reconnectMs) : 5000;
  let numbers;
  try {
    numbers = new Intl.NumberFormat(document.documentElement.lang || 'en');
  } catch {
    numbers = new Intl.NumberFormat('en');
  }
  /** A label with its {slots} filled, numbers written as the deck's language writes them. */
  function t(key, values = {}) {
    return (words[key] ?? key).replace(/\{(\w+)\}/g, (slot, name) =>
      name in values ? (typeof values[name] === 'number' ? numbers.format(values[name]) : String(values[name])) : slot,
    );
  }

  pager.hidden = false;

  function say(text) {
    status.textContent = text;
  }

  function showStatus() {
    if (!connected) return say(t('reconnecting'));
    if (viewing !== undefined && live)
      return say(t('pagedBack', { number: viewing + 1, total: live.total, live: live.index + 1 }));
    say(live ? t('liveAt', { number: live.index + 1, total: live.total }) : t('live'));
  }

  function render(html) {
    const article = document.getElementById('room-slide');
    const template = document.createElement('template');
    // Markup of the room server's own: the deck's slide sanitized to an allowlist (src/room/slides.ts).
    template.innerHTML = html;
    const fresh = template.content.querySelector('#room-slide');
    if (article && fresh) article.replaceWith(fresh);
    document.querySelector('.room-flash')?.remove();
    wirePoll();
    applyPoll();
    updatePager();
  }

  function updatePager() {
    const at = viewing ?? live?.index ?? 0;
    prev.disabled = at <= 0;
    next.disabled = viewing === undefined || at >= (live?.furthest ?? 0);
    liveButton.hidden = viewing === undefined;
    showStatus();
  }

  async function page(to) {
    if (!live) return;
    if (to >= live.index) return goLive();
    const res = await fetch(`/slides/${to}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    viewing = to;
    render((await res.json()).html);
  }

  function goLive() {
    viewing = undefined;
    if (live) render(live.html);
  }

  prev.addEventListener('click', () => void page((viewing ?? live?.index ?? 0) - 1));
  next.addEventListener('click', () => void page((viewing ?? 0) + 1));
  liveButton.addEventListener('click', goLive);

  function applyPoll() {
    const form = document.querySelector('#room-slide .room-poll');
    if (!form) return;
    const id = form.dataset.poll;
    const r = results.find((x) => x.id === id);
    const choice = mine[id];
    form.querySelectorAll('input[name="option"]').forEach((input) => {
      input.checked = Number(input.value) === choice;
      input.disabled = r?.closed === true;
    });
    if (r) {
      form.querySelectorAll('progress').forEach((bar, i) => {
        bar.max = Math.max(1, r.total);
        bar.value = r.counts[i] ?? 0;
      });
      form.querySelectorAll('.room-count').forEach((label, i) => {
        label.textContent = t('votes', { count: r.counts[i] ?? 0 });
      });
      const button = form.querySelector('button[type="submit"]');
      if (button) button.hidden = r.closed;
    }
    let note = form.querySelector('.room-mine');
    if (choice !== undefined) {
      if (!note) {
        note = document.createElement('p');
        note.className = 'room-mine';
        form.querySelector('fieldset')?.after(note);
      }
      const label = form.querySelector(`label[for="room-opt-${choice}"]`)?.textContent ?? '';
      note.textContent = t(r?.closed ? 'yourVote' : 'yourVoteOpen', { option: label });
    }
  }

  function wirePoll() {
    const form = document.querySelector('#room-slide .room-poll');
    if (!form || form.dataset.wired) return;
    form.dataset.wired = 'true';
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const option = form.querySelector('input[name="option"]:checked');
      if (!option) return;
      const res = await post('/vote', { poll: form.dataset.poll, option: Number(option.value) });
      if (res.ok) {
        mine[form.dataset.poll] = Number(option.value);
        applyPoll();
      }
    });
  }

  async function post(url, body) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) say(answer.error ?? `${t('notSent')} (${res.status})`);
      return { ok: res.ok };
    } catch {
      say(t('offline'));
      return { ok: false };
    }
  }

  function renderQuestions(questions) {
    list.replaceChildren(
      ...questions.map((q) => {
        const item = document.createElement('li');
        if (q.answered) item.className = 'room-answered';
        const text = document.createElement('p');
        text.className = 'room-q-text';
        text.dir = 'auto';
        // Attendees' text is text: never parsed as HTML.
        text.textContent = q.text;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = t('upvote', { count: q.upvotes });
        button.addEventListener('click', () => void post('/upvote', { id: q.id }));
        item.append(text, button);
        if (q.answered) {
          const tag = document.createElement('span');
          tag.className = 'room-tag';
          tag.textContent = t('answered');
          item.append(tag);
        }
        return item;
      }),
    );
  }

  ask.addEventListener('submit', async (event) => {
    event.preventDefault();
    const field = ask.querySelector('textarea');
    const res = await post('/ask', { text: field.value });
    if (res.ok) {
      field.value = '';
      say(t('questionSent'));
    }
  });
  // The server-drawn list's upvote forms, before the first update replaces them.
  list.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = event.target.querySelector('input[name="id"]')?.value;
    if (id) void post('/upvote', { id: Number(id) });
  });

  let source;
  function connect() {
    source = new EventSource('/events');
    source.addEventListener('open', () => {
      connected = true;
      showStatus();
    });
    source.addEventListener('error', () => {
      connected = false;
      showStatus();
      // A stream refused outright (the room full, the server gone for long) is not retried by
      // the browser: try again later.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, reconnectMs);
    });
    source.addEventListener('hello', (event) => {
      const data = JSON.parse(event.data);
      live = data;
      results = data.results;
      renderQuestions(data.questions);
      // Caught up: a page that was following shows the slide the room is on now.
      if (viewing === undefined) render(live.html);
      else updatePager();
    });
    source.addEventListener('slide', (event) => {
      live = { ...live, ...JSON.parse(event.data) };
      if (viewing === undefined) render(live.html);
      else updatePager();
    });
    source.addEventListener('poll', (event) => {
      results = JSON.parse(event.data);
      applyPoll();
    });
    source.addEventListener('questions', (event) => renderQuestions(JSON.parse(event.data)));
    source.addEventListener('mine', (event) => {
      mine = JSON.parse(event.data);
      applyPoll();
    });
  }
  wirePoll();
  connect();
})();
