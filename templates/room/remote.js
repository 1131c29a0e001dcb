// The presenter's remote: next and previous, the current and next titles, the notes, the timer
// and the pacing, the live poll and the questions. Its key comes from the address (#key=...),
// is kept for this tab only and sent in a header; the arrow keys and Page Up/Down work too, so
// a laptop or a USB clicker can be the remote.
/* global careerdeckRoomStream, careerdeckRoomKey, careerdeckRoomPost */
(() => {
  const $ = (id) => document.getElementById(id);
  const key = careerdeckRoomKey();
  let state;

  function status(text) {
    $('room-remote-status').textContent = text;
  }

  async function command(body) {
    const res = await careerdeckRoomPost('/api/command', key, body);
    if (res.status === 403) status('Wrong key: open the remote with the link the presenter’s terminal printed.');
  }

  function clock(ms) {
    const s = Math.max(0, Math.round(Math.abs(ms) / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  function tick() {
    if (!state) return;
    const elapsed = Date.now() - state.startedAt;
    $('room-r-timer').textContent = clock(elapsed);
    // Pacing: the minutes planned up to the end of the current slide's section, against the clock.
    const planned = state.slides.slice(0, state.current + 1).reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    const total = state.slides.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    if (total > 0) {
      const ahead = planned * 60_000 - elapsed;
      $('room-r-pace').textContent =
        `· ${clock(total * 60_000 - elapsed)} left · ${ahead >= 0 ? 'ahead' : 'behind'} ${clock(ahead)}`;
    }
  }

  function render() {
    const { current, total, slides } = state;
    $('room-r-position').textContent = `${current + 1} / ${total} · ${state.audience} following`;
    $('room-r-current').textContent = slides[current]?.title ?? '';
    $('room-r-next-title').textContent = slides[current + 1]?.title ?? '(end)';
    // The deck's notes, sanitized to text and emphasis by the server (src/room/slides.ts).
    $('room-r-notes').innerHTML = slides[current]?.notes ?? '';
    $('room-r-prev').disabled = current <= 0;
    $('room-r-next').disabled = current >= total - 1;
    const poll = slides[current]?.poll;
    $('room-r-poll').hidden = !poll;
    if (poll) {
      const r = state.results.find((x) => x.id === poll.id);
      $('room-r-poll-h').textContent = poll.question;
      $('room-r-results').replaceChildren(
        ...poll.options.map((label, i) => {
          const item = document.createElement('li');
          const n = r?.counts[i] ?? 0;
          const bar = document.createElement('progress');
          bar.max = Math.max(1, r?.total ?? 0);
          bar.value = n;
          const text = document.createElement('span');
          text.textContent = `${label}: ${n}`;
          item.append(text, bar);
          return item;
        }),
      );
      const close = $('room-r-close');
      close.textContent = r?.closed ? 'Reopen the poll' : 'Close the poll';
      close.onclick = () => void command({ action: r?.closed ? 'open-poll' : 'close-poll', poll: poll.id });
    }
    $('room-r-questions').replaceChildren(
      ...state.questions.map((q) => {
        const item = document.createElement('li');
        if (q.hidden) item.className = 'room-hidden';
        const text = document.createElement('p');
        text.textContent = `${q.text} (${q.upvotes})`;
        const answered = document.createElement('button');
        answered.type = 'button';
        answered.textContent = q.answered ? 'Not answered' : 'Answered';
        answered.onclick = () => void command({ action: 'mark', id: q.id, answered: !q.answered });
        const hide = document.createElement('button');
        hide.type = 'button';
        hide.textContent = q.hidden ? 'Show' : 'Hide';
        hide.onclick = () => void command({ action: 'mark', id: q.id, hidden: !q.hidden });
        item.append(text, answered, hide);
        return item;
      }),
    );
    tick();
  }

  if (!key) {
    status('This remote needs its key: open the remote link the presenter’s terminal printed.');
    return;
  }
  $('room-r-prev').addEventListener('click', () => void command({ action: 'prev' }));
  $('room-r-next').addEventListener('click', () => void command({ action: 'next' }));
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
    if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(event.key)) {
      event.preventDefault();
      void command({ action: 'next' });
    } else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(event.key)) {
      event.preventDefault();
      void command({ action: 'prev' });
    }
  });
  setInterval(tick, 1000);
  careerdeckRoomStream(
    '/api/events',
    key,
    (event, data) => {
      if (event !== 'hello' && event !== 'state') return;
      state = data;
      render();
    },
    (s) =>
      status(
        s === 'live'
          ? 'Connected'
          : s === 'forbidden'
            ? 'Wrong key: open the remote with the link the presenter’s terminal printed.'
            : 'Reconnecting…',
      ),
  );
})();
