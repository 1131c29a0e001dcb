// The room's script in the presenter's deck (served by `careerdeck present`, never written into
// the built deck): tells the room which slide is shown, follows the remote, draws the live poll
// results on poll slides, shows the audience QR on the title and last slides, and J shows a
// "join" overlay with it. In reveal's speaker view it adds the live poll's result, the questions
// and the remote's QR code.
/* global Reveal, careerdeckRoomStream, careerdeckRoomKey, careerdeckRoomPost, careerdeckRoomText, careerdeckRoomPanels */
(() => {
  const key = careerdeckRoomKey();
  const t = careerdeckRoomText;
  // reveal's speaker view loads the deck in frames (?receiver): they show, never steer.
  const receiver = /(?:^\?|&)receiver/.test(location.search);
  let audienceUrl = '';
  /** The last state the room sent, and reveal's speaker view once it is open. */
  let last;
  let speaker;
  // Counts and shares on the slide as the deck's language writes numbers.
  const format = (options) => {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || 'en', options);
    } catch {
      return new Intl.NumberFormat('en', options);
    }
  };
  const numbers = format({});
  const percent = format({ style: 'percent' });

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
      img.alt = t('qrCode', { url: audienceUrl });
      const caption = document.createElement('figcaption');
      // An address reads left to right in every language.
      caption.dir = 'ltr';
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
    overlay.setAttribute('aria-label', t('join'));
    const heading = document.createElement('p');
    heading.textContent = t('join');
    const img = document.createElement('img');
    img.src = '/room/join.svg';
    img.alt = t('qrCode', { url: audienceUrl });
    const text = document.createElement('p');
    text.dir = 'ltr';
    text.textContent = audienceUrl;
    overlay.append(heading, img, text);
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
        if (label) label.textContent = `${numbers.format(count)} (${percent.format(share)})`;
      });
      const total = list.parentElement?.querySelector('.poll-total');
      if (total) total.textContent = numbers.format(r.total);
    }
  }

  /**
   * Tells the room where the deck is, one message at a time: a move made while an earlier message
   * is on its way is sent once that one is answered (only the latest), so a slow message can never
   * arrive last and take the room back a slide. A message that fails is sent again.
   */
  const teller = {
    /** The slide the room was last told (or that the deck took from the room). */
    told: undefined,
    wanted: undefined,
    sending: false,
    /** The room's move number of the deck's last move, and the newest state held back while asking. */
    lastMove: -1,
    held: undefined,
    retry: undefined,
    /** Whether the deck has a move the room has not taken yet. */
    get busy() {
      return this.sending || this.wanted !== this.told;
    },
    move(index) {
      this.wanted = index;
      void this.flush();
    },
    /** The deck followed the room: nothing to tell it back. */
    took(index) {
      this.wanted = this.told = index;
    },
    async flush() {
      if (this.sending) return;
      this.sending = true;
      try {
        while (this.wanted !== undefined && this.wanted !== this.told) {
          const index = this.wanted;
          // Any answer counts (a refusal, a wrong key, is not sent again): the room has decided.
          const answer = await careerdeckRoomPost('/api/slide', key, { index });
          this.told = index;
          if (typeof answer.body.move === 'number') this.lastMove = Math.max(this.lastMove, answer.body.move);
        }
        this.sending = false;
        // A state that came while the deck was asking (the remote pressed meanwhile) is taken now,
        // if it is newer than the deck's own last move.
        const held = this.held;
        this.held = undefined;
        if (held && held.move > this.lastMove) onState(held);
      } catch {
        // Offline: tried again in a second, until the room answers.
        this.sending = false;
        this.retry ??= setTimeout(() => {
          this.retry = undefined;
          void this.flush();
        }, 1000);
      }
    },
  };

  function onState(state) {
    audienceUrl = state.audienceUrl;
    drawResults(state.results);
    showQr();
    last = state;
    drawSpeaker();
    if (receiver) return;
    // The deck follows the room (the remote, a clicker, the room after a dropped connection)
    // unless a move of its own is still on its way there: that move is the newer one.
    if (teller.busy) {
      teller.held = state;
      return;
    }
    teller.took(state.current);
    if (Reveal.getIndices().h !== state.current) Reveal.slide(state.current, undefined, undefined, 'room');
  }

  // reveal's own pacing in its speaker view: the talk's length and each timed section's share.
  function pace() {
    const duration = Number(document.body.dataset.duration);
    if (!duration) return;
    for (const slide of slides())
      if (slide.dataset.minutes) slide.dataset.timing = String(Number(slide.dataset.minutes) * 60);
    Reveal.configure({ totalTime: duration * 60 });
  }

  /**
   * The room's part of reveal's speaker view, below its notes: the live poll of the current slide,
   * the questions (with the same buttons as on the remote) and the remote's QR code.
   */
  function speakerPanel() {
    if (!speaker || speaker.closed) return undefined;
    const doc = speaker.document;
    const existing = doc.getElementById('room-speaker');
    if (existing) return existing;
    const home = doc.getElementById('speaker-controls');
    if (!home) return undefined;
    const style = doc.createElement('style');
    style.textContent = SPEAKER_CSS;
    doc.head?.append(style);
    const panel = doc.createElement('section');
    panel.id = 'room-speaker';
    // The speaker view is reveal's (English, left to right); the room's part is in the deck's language.
    panel.lang = document.documentElement.lang;
    panel.dir = document.documentElement.dir;
    panel.setAttribute('aria-label', `${t('poll')}, ${t('questions')}`);
    panel.innerHTML =
      '<div id="room-s-poll" hidden><h4 class="label" id="room-s-poll-h"></h4><ol id="room-s-results"></ol></div>' +
      '<div><h4 class="label" id="room-s-questions-h"></h4><ol id="room-s-questions"></ol></div>' +
      '<div id="room-s-remote"></div>';
    home.append(panel);
    return panel;
  }

  /** Redrawn whenever the room's state changes. */
  function drawSpeaker() {
    const panel = speakerPanel();
    if (!panel || !last) return;
    const doc = panel.ownerDocument;
    const poll = last.slides[last.current]?.poll;
    doc.getElementById('room-s-poll').hidden = !poll;
    if (poll) {
      const r = last.results.find((x) => x.id === poll.id);
      const question = doc.createElement('bdi');
      question.textContent = poll.question;
      doc
        .getElementById('room-s-poll-h')
        .replaceChildren(
          `${t('poll')}: `,
          question,
          ` · ${t('votes', { count: r?.total ?? 0 })}${r?.closed ? ` · ${t('pollClosed')}` : ''}`,
        );
      careerdeckRoomPanels.poll(doc, doc.getElementById('room-s-results'), poll, r);
    }
    doc.getElementById('room-s-questions-h').textContent = t('questions');
    const command = (body) => careerdeckRoomPost('/api/command', key, body);
    careerdeckRoomPanels.questions(doc, doc.getElementById('room-s-questions'), last.questions, command);
  }

  // The speaker view's own look (black on white): the room's lists in its notes' type.
  const SPEAKER_CSS = [
    '#room-speaker { padding: 0 10px 16px; font-size: 18px; line-height: 1.35; }',
    '#room-speaker ol { margin: 4px 0 12px; padding-inline-start: 1.4em; }',
    '#room-speaker li { margin-block: 6px; }',
    '#room-speaker p { margin: 0 0 4px; }',
    '#room-speaker progress { display: block; width: 100%; height: 12px; }',
    '#room-speaker button { margin-inline-end: 6px; font: inherit; font-size: 14px; }',
    '#room-speaker .room-tag, #room-speaker .room-none { color: #595959; }',
    '#room-speaker .room-hidden .room-q-text { font-style: italic; }',
    '#room-s-remote figure { width: 140px; margin: 8px 0; text-align: center; font-size: 14px; }',
    '#room-s-remote img { display: block; width: 140px; height: 140px; }',
  ].join('\n');

  // The remote's QR code goes to reveal's speaker view only (its window is written by the notes
  // plugin; deck.js names its parts the same way). Fetched with the key, drawn as a data: image.
  const openWindow = window.open.bind(window);
  window.open = (...args) => {
    const opened = openWindow(...args);
    if (!opened || !key || receiver) return opened;
    speaker = opened;
    // A microtask runs once the plugin has written the window's document, in the same task.
    queueMicrotask(drawSpeaker);
    void fetch('/api/remote.svg', { headers: { 'X-Room-Key': key } })
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(String(res.status)))))
      .then((svg) => {
        const slot = speakerPanel()?.querySelector('#room-s-remote');
        if (!slot) return;
        const doc = slot.ownerDocument;
        const figure = doc.createElement('figure');
        const img = doc.createElement('img');
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        img.alt = t('qrCode', { url: t('remote') });
        const caption = doc.createElement('figcaption');
        caption.textContent = t('remote');
        figure.append(img, caption);
        slot.replaceChildren(figure);
      })
      .catch(() => undefined);
    return opened;
  };

  // The room serves the deck without its speaker notes (anyone on the network may ask for it):
  // they come back here, with the key, for reveal's speaker view to show.
  // If they cannot be had, every slide that has notes says so in the speaker view (not an empty
  // box the presenter would take for a slide without notes).
  // A failure is tried again every 5 s for a minute (a server busy at the start of the talk); the
  // wait is the room's own (src/room/timing.ts, written into the page), never the address's.
  const timing = JSON.parse(document.getElementById('room-timing')?.textContent || '{}');
  const notesRetryMs = Number(timing.notesRetryMs) > 0 ? Number(timing.notesRetryMs) : 5000;
  const notesAttempts = Math.ceil(60_000 / notesRetryMs);
  const fillNotes = (attempt = 1) =>
    fetch('/api/notes', { headers: { 'X-Room-Key': key } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then(({ notes }) => {
        for (const aside of document.querySelectorAll('aside.notes[data-room-notes]'))
          aside.innerHTML = notes[Number(aside.dataset.roomNotes)] ?? '';
        document.documentElement.dataset.roomNotes = 'ready';
      })
      .catch(() => {
        for (const aside of document.querySelectorAll('aside.notes[data-room-notes]')) {
          const message = document.createElement('p');
          const strong = document.createElement('strong');
          strong.textContent = t('notesFailed');
          message.append(strong);
          aside.replaceChildren(message);
        }
        document.documentElement.dataset.roomNotes = 'failed';
        if (attempt < notesAttempts) setTimeout(() => void fillNotes(attempt + 1), notesRetryMs);
      });

  const start = () => {
    pace();
    // The deck opened: its cookie works. Should this tab lose it, unlock.js may trade the key again.
    sessionStorage.removeItem('careerdeck-room:deck-tried');
    if (!key) return;
    if (!receiver) void fillNotes();
    careerdeckRoomStream(
      '/api/events',
      key,
      (event, data) => {
        if (event === 'hello' || event === 'state') onState(data);
      },
      () => undefined,
    );
    if (receiver) return;
    // A move the deck made to follow the room (origin 'room') is not told back to it.
    Reveal.on('slidechanged', (e) => e.origin !== 'room' && teller.move(e.indexh));
    // Where the deck is when it (re)opens is where the room is.
    teller.move(Reveal.getIndices().h);
    Reveal.addKeyBinding({ keyCode: 74, key: 'J', description: t('joinKey') }, toggleJoin);
  };
  if (Reveal.isReady()) start();
  else Reveal.on('ready', start);
})();
