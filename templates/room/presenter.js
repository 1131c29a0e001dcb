// The room's script in the presenter's deck (served by `careerdeck present`, never written into
// the built deck): tells the room which slide is shown, follows the remote, draws the live poll
// results on poll slides, shows the audience QR on the title and last slides, and J shows a
// "join" overlay with it.
/* global Reveal, careerdeckRoomStream, careerdeckRoomKey, careerdeckRoomPost */
(() => {
  const key = careerdeckRoomKey();
  // reveal's speaker view loads the deck in frames (?receiver): they show, never steer.
  const receiver = /(?:^\?|&)receiver/.test(location.search);
  let audienceUrl = '';

  const slides = () => [...document.querySelectorAll('.reveal .slides > section')];

  function showQr() {
    const all = slides();
    for (const slide of new Set([all[0], all[all.length - 1]])) {
      if (!slide || slide.querySelector('.room-qr')) continue;
      const body = slide.querySelector('.slide-body');
      if (!body) continue;
      // The room's address replaces `url:`'s code while presenting (the printed outputs keep it).
      slide.querySelector('.slide-qr')?.remove();
      const figure = document.createElement('figure');
      figure.className = 'slide-qr room-qr';
      const img = document.createElement('img');
      img.src = '/room/join.svg';
      img.alt = `QR code: ${audienceUrl}`;
      const caption = document.createElement('figcaption');
      caption.textContent = audienceUrl;
      figure.append(img, caption);
      body.classList.add('has-qr');
      body.append(figure);
    }
  }

  function toggleJoin() {
    let overlay = document.getElementById('room-join');
    if (overlay) return overlay.remove();
    overlay = document.createElement('div');
    overlay.id = 'room-join';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Join');
    const img = document.createElement('img');
    img.src = '/room/join.svg';
    img.alt = `QR code: ${audienceUrl}`;
    const text = document.createElement('p');
    text.textContent = audienceUrl;
    overlay.append(img, text);
    overlay.addEventListener('click', () => overlay.remove());
    document.body.append(overlay);
  }

  function drawResults(results) {
    for (const r of results) {
      const list = document.querySelector(`.reveal [data-poll="${CSS.escape(r.id)}"]`);
      if (!list) continue;
      list.classList.toggle('poll-closed', r.closed);
      r.counts.forEach((count, i) => {
        const item = list.querySelector(`[data-option="${i}"]`);
        if (!item) return;
        const share = r.total === 0 ? 0 : count / r.total;
        const fill = item.querySelector('.poll-fill');
        if (fill) fill.style.width = `${(share * 100).toFixed(1)}%`;
        const label = item.querySelector('.poll-count');
        if (label) label.textContent = `${count} (${Math.round(share * 100)}%)`;
      });
      const total = list.parentElement?.querySelector('.poll-total');
      if (total) total.textContent = String(r.total);
    }
  }

  function onState(state) {
    audienceUrl = state.audienceUrl;
    drawResults(state.results);
    showQr();
    if (!receiver && state.by === 'remote' && Reveal.getIndices().h !== state.current) Reveal.slide(state.current);
  }

  // reveal's own pacing in its speaker view: the talk's length and each timed section's share.
  function pace() {
    const duration = Number(document.body.dataset.duration);
    if (!duration) return;
    for (const slide of slides())
      if (slide.dataset.minutes) slide.dataset.timing = String(Number(slide.dataset.minutes) * 60);
    Reveal.configure({ totalTime: duration * 60 });
  }

  // The remote's QR code goes to reveal's speaker view only (its window is written by the notes
  // plugin; deck.js names its parts the same way). Fetched with the key, drawn as a data: image.
  const openWindow = window.open.bind(window);
  window.open = (...args) => {
    const opened = openWindow(...args);
    if (opened && key && !receiver)
      void fetch('/api/remote.svg', { headers: { 'X-Room-Key': key } })
        .then((res) => (res.ok ? res.text() : Promise.reject(new Error(String(res.status)))))
        .then((svg) => {
          const doc = opened.document;
          const figure = doc.createElement('figure');
          figure.style.cssText =
            'position:fixed;inset-inline-end:8px;bottom:8px;width:120px;margin:0;z-index:10;text-align:center;font:12px sans-serif;background:#fff;color:#111';
          const img = doc.createElement('img');
          img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
          img.alt = 'QR code: the remote';
          img.style.cssText = 'width:120px;height:120px';
          const caption = doc.createElement('figcaption');
          caption.textContent = 'Remote';
          figure.append(img, caption);
          doc.body.append(figure);
        })
        .catch(() => undefined);
    return opened;
  };

  const start = () => {
    pace();
    if (!key) return;
    careerdeckRoomStream(
      '/api/events',
      key,
      (event, data) => {
        if (event === 'hello' || event === 'state') onState(data);
      },
      () => undefined,
    );
    if (receiver) return;
    Reveal.on('slidechanged', (e) => void careerdeckRoomPost('/api/slide', key, { index: e.indexh }));
    // Where the deck is when it (re)opens is where the room is.
    void careerdeckRoomPost('/api/slide', key, { index: Reveal.getIndices().h });
    Reveal.addKeyBinding({ keyCode: 74, key: 'J', description: 'Show how to join' }, toggleJoin);
  };
  if (Reveal.isReady()) start();
  else Reveal.on('ready', start);
})();
