// The presenter's remote: next and previous, the current and next titles, the notes, the timer
// and the pacing, the live poll and the questions. Its key comes from the address (#key=...),
// is kept for this tab only and sent in a header; the arrow keys and Page Up/Down work too, so
// a laptop or a USB clicker can be the remote.
/* global careerdeckRoomStream, careerdeckRoomKey, careerdeckRoomPost, careerdeckRoomText, careerdeckRoomPanels */
(() => {
  const $ = (id) => document.getElementById(id);
  const key = careerdeckRoomKey();
  const t = careerdeckRoomText;
  let state;
  const STALE_MS = 5000;

  function status(text) {
    $('room-remote-status').textContent = text;
  }

  // One command at a time, in the order pressed: "next" then "back" at the first slide must not
  // arrive the other way round.
  // A press still waiting after a few seconds (the network held an earlier one) is dropped: five
  // presses must not arrive as a burst of five slides once the network is back.
  let queue = Promise.resolve();
  function command(body) {
    const pressed = Date.now();
    queue = queue.then(async () => {
      if (Date.now() - pressed > STALE_MS) return;
      const res = await careerdeckRoomPost('/api/command', key, body).catch(() => undefined);
      if (res?.status === 403) status(t('wrongKey'));
    });
    return queue;
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
        `· ${t('timeLeft', { time: clock(total * 60_000 - elapsed) })} · ${t(ahead >= 0 ? 'ahead' : 'behind', { time: clock(ahead) })}`;
    }
  }

  function render() {
    const { current, total, slides } = state;
    $('room-r-position').textContent = `${current + 1} / ${total} · ${t('following', { count: state.audience })}`;
    $('room-r-current').textContent = slides[current]?.title ?? '';
    $('room-r-next-title').textContent = t('upNext', { title: slides[current + 1]?.title ?? t('end') });
    // The deck's notes, sanitized to text and emphasis by the server (src/room/slides.ts).
    $('room-r-notes').innerHTML = slides[current]?.notes ?? '';
    $('room-r-prev').disabled = current <= 0;
    $('room-r-next').disabled = current >= total - 1;
    const poll = slides[current]?.poll;
    $('room-r-poll').hidden = !poll;
    if (poll) {
      const r = state.results.find((x) => x.id === poll.id);
      $('room-r-poll-h').textContent = poll.question;
      careerdeckRoomPanels.poll(document, $('room-r-results'), poll, r);
      const close = $('room-r-close');
      close.textContent = r?.closed ? t('reopenPoll') : t('closePoll');
      close.onclick = () => void command({ action: r?.closed ? 'open-poll' : 'close-poll', poll: poll.id });
    }
    careerdeckRoomPanels.questions(document, $('room-r-questions'), state.questions, command);
    tick();
  }

  if (!key) {
    status(t('noKey'));
    return;
  }
  $('room-r-prev').addEventListener('click', () => void command({ action: 'prev' }));
  $('room-r-next').addEventListener('click', () => void command({ action: 'next' }));
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
    // As in the deck: in a right-to-left deck the left arrow goes on.
    const [on, back] =
      document.documentElement.dir === 'rtl' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    if ([on, 'ArrowDown', 'PageDown', ' '].includes(event.key)) {
      event.preventDefault();
      void command({ action: 'next' });
    } else if ([back, 'ArrowUp', 'PageUp'].includes(event.key)) {
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
    (s) => status(t(s === 'live' ? 'connected' : s === 'forbidden' ? 'wrongKey' : 'reconnecting')),
  );
})();
